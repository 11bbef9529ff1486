package org.novasim.api.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The error body of each OpenStack API, so that each client finds the shape it parses. */
final class ErrorBodies {

    private ErrorBodies() {}

    /** Nova: {@code {"itemNotFound": {"code": 404, "message": "..."}}}, the key named after the status. */
    static Map<String, Object> compute(int status, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("code", status);
        fault.put("message", message);
        return Map.of(computeFaultName(status), fault);
    }

    /** nova/api/openstack/wsgi.py's _fault_names; anything else is a computeFault. */
    static String computeFaultName(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }
}
