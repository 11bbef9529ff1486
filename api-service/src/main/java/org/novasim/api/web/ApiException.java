package org.novasim.api.web;

import org.springframework.http.HttpStatus;

/**
 * A failure the API reports to the client with a status and a message, rendered in the error format of the API
 * that was called (see {@link Api}): Nova's {@code {"itemNotFound": {"code": 404, "message": ...}}} for compute,
 * Keystone's, Neutron's or Glance's for the others.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    public ApiException(HttpStatus status, String message) {
        this(status, null, message);
    }

    /** With Neutron's error type (e.g. {@code OverQuota}), which only the network API shows. */
    public ApiException(HttpStatus status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public HttpStatus status() {
        return status;
    }

    /** Neutron's error type, or null for the one the status implies. */
    public String type() {
        return type;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }

    public static ApiException serviceUnavailable(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, message);
    }
}
