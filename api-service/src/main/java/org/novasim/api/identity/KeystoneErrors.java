package org.novasim.api.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The identity API answers failures as Keystone does, not as Nova. */
@RestControllerAdvice(basePackageClasses = KeystoneErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeystoneErrors {

    @ExceptionHandler(KeystoneException.class)
    ResponseEntity<Map<String, Object>> keystone(KeystoneException e) {
        return body(e.status(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "Malformed request body");
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(error(status, message));
    }

    static Map<String, Object> error(HttpStatus status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("message", message);
        error.put("title", status.getReasonPhrase());
        return Map.of("error", error);
    }
}
