package org.novasim.api.web;

import org.novasim.common.rpc.RemoteError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What the client is told about a failure, whichever way it surfaced (a controller, a filter, the container):
 * the client's mistakes are 4xx with a message that says what was wrong, the broker or the database being away
 * is a 503 with {@code Retry-After} (nothing was changed: each change is one transaction, or undone), and only a
 * bug is a 500, logged with its stack.
 */
public final class Failures {

    /** Said when the database refused a value no check caught: a missing check, which the hostile-input suite hunts. */
    public static final String REFUSED_BY_DATABASE = "Invalid input: a value was refused by the database.";

    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {}

    public static ResponseEntity<Object> answer(Throwable failure, Api api) {
        if (failure instanceof ApiException e) {
            return api.error(e.status(), e.type(), e.getMessage());
        }
        if (causedBy(failure, BodySizeFilter.TooLarge.class)) {
            return api.error(HttpStatus.PAYLOAD_TOO_LARGE, null, BodySizeFilter.MESSAGE);
        }
        if (failure instanceof HttpMessageNotReadableException) {
            return api.error(HttpStatus.BAD_REQUEST, "MalformedRequestBody", "Malformed request body");
        }
        if (failure instanceof ErrorResponse e && e.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
            return api.error(status, null, clientMistake(failure, status));
        }
        if (failure instanceof RemoteError e) {
            log.warn("a service behind the API failed: {}", e.toString());
            return api.error(
                    HttpStatus.SERVICE_UNAVAILABLE, null, "A service behind the API is unavailable: " + e.type());
        }
        if (causedBy(failure, AmqpException.class)) {
            log.warn("the message broker failed: {}", failure.toString());
            return api.error(HttpStatus.SERVICE_UNAVAILABLE, null, "The message broker is unavailable.");
        }
        if (isDatabaseAway(failure)) {
            log.warn("the database failed: {}", failure.toString());
            return api.error(HttpStatus.SERVICE_UNAVAILABLE, null, "The database is unavailable.");
        }
        if (failure instanceof DuplicateKeyException) {
            return api.error(HttpStatus.CONFLICT, null, "The resource already exists.");
        }
        if (failure instanceof DataIntegrityViolationException e) {
            log.warn(
                    "a value no check caught was refused by the database: {}",
                    e.getMostSpecificCause().toString());
            return api.error(HttpStatus.BAD_REQUEST, "InvalidInput", REFUSED_BY_DATABASE);
        }
        log.error("unexpected failure", failure);
        return api.error(
                HttpStatus.INTERNAL_SERVER_ERROR,
                null,
                "Unexpected API Error. Please report this at the novasim issue tracker and attach the request id.");
    }

    private static String clientMistake(Throwable failure, HttpStatus status) {
        if (failure instanceof HttpRequestMethodNotSupportedException e) {
            return "The method " + e.getMethod() + " is not allowed for this resource.";
        }
        if (failure instanceof HttpMediaTypeNotSupportedException) {
            return "Unsupported Content-Type";
        }
        if (failure instanceof MissingRequestHeaderException e) {
            return "The request needs the header " + e.getHeaderName() + ".";
        }
        if (failure instanceof MissingServletRequestParameterException e) {
            return "The request needs the parameter " + e.getParameterName() + ".";
        }
        if (failure instanceof MethodArgumentTypeMismatchException e) {
            return "Invalid value of the parameter " + e.getName() + ".";
        }
        return status == HttpStatus.NOT_FOUND
                ? "The resource could not be found."
                : String.valueOf(((ErrorResponse) failure).getBody().getDetail());
    }

    private static boolean isDatabaseAway(Throwable failure) {
        return causedBy(failure, DataAccessResourceFailureException.class)
                || causedBy(failure, TransientDataAccessException.class)
                || causedBy(failure, RecoverableDataAccessException.class)
                || causedBy(failure, CannotCreateTransactionException.class)
                // a connection dropped mid-transaction often shows only as its rollback (or commit) failing
                || causedBy(failure, TransactionSystemException.class);
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
