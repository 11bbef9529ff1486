package org.novasim.systemtest.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One generated request: for which route, as whom, and exactly what goes on the wire. */
public record HostileRequest(
        int number, Route route, Role role, String method, String target, Map<String, String> headers, byte[] body) {

    /** Who sends it. The first three hold no valid token. */
    public enum Role {
        ANONYMOUS,
        BAD_TOKEN,
        REVOKED_TOKEN,
        UNSCOPED,
        READER,
        MEMBER,
        ADMIN;

        public boolean authenticated() {
            return ordinal() >= UNSCOPED.ordinal();
        }
    }

    /** What to paste into a bug report: the request as sent, its body cut short. */
    public String describe() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (text.length() > 300) {
            text = text.substring(0, 300) + "... (" + body.length + " bytes)";
        }
        return "#" + number + " " + role + " " + method + " " + target + " " + headers + " " + text;
    }
}
