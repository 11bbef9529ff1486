package org.novasim.api.server;

import org.novasim.api.web.ApiException;

/**
 * A server name as Nova's schema takes it (parameter_types.name): 1 to 255 printable characters (no control,
 * format or private-use characters, no separators but the space), not starting or ending with whitespace.
 */
final class ServerName {

    static final int MAX_LENGTH = 255;

    private ServerName() {}

    static String check(String field, String name) {
        boolean valid = !name.isEmpty()
                && name.length() <= MAX_LENGTH
                && !Character.isWhitespace(name.codePointAt(0))
                && !Character.isWhitespace(name.codePointBefore(name.length()))
                && name.codePoints().allMatch(ServerName::isPrintable);
        if (!valid) {
            throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + name
                    + ". must be 1 to 255 printable characters, without leading or trailing whitespace");
        }
        return name;
    }

    /** Python's str.isprintable as Nova applies it: no category C*, and of Z* only the space separator. */
    private static boolean isPrintable(int c) {
        int type = Character.getType(c);
        return switch (type) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
