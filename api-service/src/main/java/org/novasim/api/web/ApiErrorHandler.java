package org.novasim.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of a controller becomes an answer in the called API's own error format (see {@link Failures}):
 * never a stack trace, never Spring's default error page.
 */
@RestControllerAdvice
public class ApiErrorHandler {

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failure(Exception e, HttpServletRequest request) {
        return Failures.answer(e, Api.of(request));
    }
}
