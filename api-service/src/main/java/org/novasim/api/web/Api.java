package org.novasim.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenStack API a request is for, decided by the first segment of its routed path, and the error body each
 * one's clients parse: Nova's {@code {"itemNotFound": {"code", "message"}}}, Keystone's
 * {@code {"error": {"code", "message", "title"}}}, Neutron's {@code {"NeutronError": {"type", "message",
 * "detail"}}} and Glance's plain text. Anything that is none of them answers as the compute API, the one on 8774.
 */
public enum Api {
    COMPUTE,
    IDENTITY,
    IMAGE,
    NETWORK;

    /** Seconds a client should wait before retrying a 503: the broker or database is expected back soon. */
    static final String RETRY_AFTER_SECONDS = "5";

    public static Api of(HttpServletRequest request) {
        return ofRoot(ApiPath.root(request));
    }

    static Api ofRoot(String root) {
        return switch (root) {
            case "identity" -> IDENTITY;
            case "image" -> IMAGE;
            case "network" -> NETWORK;
            default -> COMPUTE;
        };
    }

    /** The error response; {@code type} is Neutron's error type (null for the one its status implies). */
    public ResponseEntity<Object> error(HttpStatus status, String type, String message) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (this == IMAGE) {
            // webob's plain error page, as Glance sends it.
            return response.contentType(MediaType.TEXT_PLAIN)
                    .body(status.value() + " " + status.getReasonPhrase() + "\n\n" + message + "\n\n");
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(body(status, type, message));
    }

    /** The same error, written by a filter that answers before any controller is reached. */
    public void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String message)
            throws IOException {
        ResponseEntity<Object> error = error(status, null, message);
        response.setStatus(status.value());
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(String.valueOf(error.getHeaders().getContentType()));
        response.setCharacterEncoding("UTF-8");
        Object body = error.getBody();
        response.getWriter().write(body instanceof String text ? text : json.writeValueAsString(body));
    }

    private Map<String, Object> body(HttpStatus status, String type, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        switch (this) {
            case IDENTITY -> {
                fault.put("code", status.value());
                fault.put("message", message);
                fault.put("title", status.getReasonPhrase());
                return Map.of("error", fault);
            }
            case NETWORK -> {
                fault.put("type", type != null ? type : webobName(status));
                fault.put("message", message);
                fault.put("detail", "");
                return Map.of("NeutronError", fault);
            }
            default -> {
                fault.put("code", status.value());
                fault.put("message", message);
                return Map.of(computeFaultName(status.value()), fault);
            }
        }
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

    /** NOT_FOUND → HTTPNotFound, as webob names its exceptions (Neutron's type for errors of its own). */
    private static String webobName(HttpStatus status) {
        if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
            return "HTTPRequestEntityTooLarge";
        }
        StringBuilder name = new StringBuilder("HTTP");
        for (String word : status.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
