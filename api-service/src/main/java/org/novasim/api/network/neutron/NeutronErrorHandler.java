package org.novasim.api.network.neutron;

import org.novasim.api.web.Api;
import org.novasim.common.rpc.RemoteError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * network-service's typed failures as Neutron reports them (its status and error type, see {@link NeutronFaults}).
 * Every other failure of this API is answered by the general handler, in Neutron's format too.
 */
@RestControllerAdvice(basePackages = "org.novasim.api.network.neutron")
@Order(Ordered.HIGHEST_PRECEDENCE)
class NeutronErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(NeutronErrorHandler.class);

    @ExceptionHandler(RemoteError.class)
    ResponseEntity<Object> remote(RemoteError e) {
        return NeutronFaults.of(e)
                .map(fault -> {
                    if (fault.status().is5xxServerError()) {
                        log.warn("network-service did not answer: {}", e.toString());
                    }
                    return Api.NETWORK.error(fault.status(), fault.type(), e.getMessage());
                })
                .orElseGet(() -> {
                    log.error("network-service failed unexpectedly: {}", e.toString());
                    return Api.NETWORK.error(
                            HttpStatus.INTERNAL_SERVER_ERROR,
                            "HTTPInternalServerError",
                            "Request Failed: internal server error while processing your request.");
                });
    }
}
