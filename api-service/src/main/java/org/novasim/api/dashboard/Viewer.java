package org.novasim.api.dashboard;

import org.novasim.api.identity.Authentication;

/** Who watches: an admin sees the whole cloud, anyone else the servers of their project only. */
record Viewer(String userName, String projectId, String projectName, boolean admin) {

    static Viewer of(Authentication auth) {
        return new Viewer(
                auth.userName(),
                auth.projectId(),
                auth.projectName(),
                auth.roleNames().contains("admin"));
    }

    boolean sees(String serverProjectId) {
        return admin || (projectId != null && projectId.equals(serverProjectId));
    }

    /** The project whose servers are shown, or null for all of them. */
    String scope() {
        return admin ? null : projectId;
    }
}
