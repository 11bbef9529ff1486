package org.novasim.api.instance;

import java.time.Instant;

/**
 * Which instances a list asks for, as the database selects them; null means "any" for each field.
 *
 * @param projectId     only this project's; null only when an admin asked for every project
 * @param allProjects   true when an admin asked for every project, so that a missing project is never "all"
 * @param includeDeleted deleted instances too (changes-since asks for them)
 * @param changedSince  only those updated at or after this time
 */
public record InstanceFilter(
        String projectId,
        boolean allProjects,
        boolean includeDeleted,
        Instant changedSince,
        String vmState,
        String imageRef,
        String flavorId,
        String host) {

    public InstanceFilter {
        if (projectId == null && !allProjects) {
            throw new IllegalArgumentException("a list of instances names its project or asks for all of them");
        }
    }
}
