package org.novasim.api.network.neutron;

import org.novasim.api.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A request the Neutron-shaped API refuses itself, before network-service is asked, carrying Neutron's error type
 * (the {@code type} of {@code {"NeutronError": {...}}}), so a client sees what Neutron would have said.
 */
final class NeutronException extends ApiException {

    NeutronException(HttpStatus status, String type, String message) {
        super(status, type, message);
    }

    /** What Neutron's attribute checks raise (webob's HTTPBadRequest). */
    public static NeutronException badRequest(String message) {
        return new NeutronException(HttpStatus.BAD_REQUEST, "HTTPBadRequest", message);
    }

    /** "Invalid input for &lt;attribute&gt;. Reason: ...", Neutron's wording for a value of the wrong kind. */
    static NeutronException invalidAttribute(String attribute, String reason) {
        return badRequest("Invalid input for " + attribute + ". Reason: " + reason + ".");
    }

    static NeutronException malformedBody() {
        return new NeutronException(HttpStatus.BAD_REQUEST, "MalformedRequestBody", "Malformed request body");
    }

    /** What Neutron's converters raise, e.g. for a filter that is not a boolean. */
    static NeutronException invalidInput(String reason) {
        return new NeutronException(
                HttpStatus.BAD_REQUEST, "InvalidInput", "Invalid input for operation: " + reason + ".");
    }

    static NeutronException notFound() {
        return new NeutronException(HttpStatus.NOT_FOUND, "HTTPNotFound", "The resource could not be found.");
    }

    static NeutronException methodNotAllowed(String method) {
        return new NeutronException(
                HttpStatus.METHOD_NOT_ALLOWED,
                "HTTPMethodNotAllowed",
                "The method " + method + " is not allowed for this resource.");
    }
}
