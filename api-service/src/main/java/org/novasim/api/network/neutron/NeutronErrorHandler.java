package org.novasim.api.network.neutron;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.novasim.api.web.ApiException;
import org.novasim.common.rpc.RemoteError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the Neutron-shaped API in Neutron's format, {@code {"NeutronError": {"type", "message", "detail"}}},
 * which the SDK and CLI parse. Scoped to this package and ordered before the general handler, so the compute API
 * keeps Nova's format. Nothing escapes as a 500 unless it is a bug, which is logged with its stack.
 */
@RestControllerAdvice(basePackages = "org.novasim.api.network.neutron")
@Order(Ordered.HIGHEST_PRECEDENCE)
class NeutronErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(NeutronErrorHandler.class);

    @ExceptionHandler(NeutronException.class)
    ResponseEntity<Map<String, Object>> refused(NeutronException e) {
        return error(e.status(), e.type(), e.getMessage());
    }

    @ExceptionHandler(RemoteError.class)
    ResponseEntity<Map<String, Object>> remote(RemoteError e) {
        return NeutronFaults.of(e)
                .map(fault -> {
                    if (fault.status().is5xxServerError()) {
                        log.warn("network-service did not answer: {}", e.toString());
                    }
                    return error(fault.status(), fault.type(), e.getMessage());
                })
                .orElseGet(() -> {
                    log.error("network-service failed unexpectedly: {}", e.toString());
                    return internalError();
                });
    }

    /** Thrown by shared code (e.g. the caller's context) that speaks in statuses only. */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return error(e.status(), "HTTP" + camel(e.status().name()), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return refused(NeutronException.malformedBody());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "HTTPBadRequest", "Invalid request parameter: " + e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "HTTPUnsupportedMediaType", "Unsupported Content-Type");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("unexpected failure in the network API", e);
        return internalError();
    }

    private static ResponseEntity<Map<String, Object>> internalError() {
        return error(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "HTTPInternalServerError",
                "Request Failed: internal server error while processing your request.");
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("type", type);
        fault.put("message", message);
        fault.put("detail", "");
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("NeutronError", fault));
    }

    /** NOT_FOUND → NotFound, as webob names its exceptions (HTTPNotFound, HTTPForbidden ...). */
    private static String camel(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
