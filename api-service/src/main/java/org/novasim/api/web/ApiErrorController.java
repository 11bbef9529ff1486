package org.novasim.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failures that never reached a controller (an exception in a filter, an error the container raised itself) are
 * answered here, in the API's format, instead of by Boot's error page; asked for directly, {@code /error} is a
 * resource that does not exist.
 */
@RestController
class ApiErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Api api = uri == null ? Api.of(request) : Api.ofRoot(ApiPath.root(uri.toString(), request.getContextPath()));
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        while (failure instanceof ServletException e && e.getRootCause() != null) {
            failure = e.getRootCause();
        }
        if (failure != null) {
            return Failures.answer(failure, api);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return api.error(HttpStatus.NOT_FOUND, null, "The resource could not be found.");
        }
        HttpStatus status = HttpStatus.resolve((Integer) code);
        if (status == null || !status.isError()) {
            status = HttpStatus.BAD_REQUEST;
        }
        return api.error(status, null, status.getReasonPhrase());
    }
}
