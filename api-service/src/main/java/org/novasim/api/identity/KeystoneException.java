package org.novasim.api.identity;

import org.novasim.api.web.ApiException;
import org.springframework.http.HttpStatus;

/** A failure of the identity API, answered in Keystone's format {@code {"error": {code, message, title}}}. */
public class KeystoneException extends ApiException {

    public static final String UNAUTHORIZED = "The request you have made requires authentication.";

    public KeystoneException(HttpStatus status, String message) {
        super(status, message);
    }

    public static KeystoneException unauthorized() {
        return new KeystoneException(HttpStatus.UNAUTHORIZED, UNAUTHORIZED);
    }

    public static KeystoneException badRequest(String message) {
        return new KeystoneException(HttpStatus.BAD_REQUEST, message);
    }

    public static KeystoneException notFound(String message) {
        return new KeystoneException(HttpStatus.NOT_FOUND, message);
    }

    public static KeystoneException forbidden() {
        return new KeystoneException(HttpStatus.FORBIDDEN, "You are not authorized to perform the requested action.");
    }
}
