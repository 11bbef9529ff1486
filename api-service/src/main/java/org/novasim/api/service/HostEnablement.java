package org.novasim.api.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.compute.HostReport;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries whether schedulers may place instances on a compute host (not disabled, not forced down: flags the API
 * owns) to the hosts, which put it in their reports: that is how every scheduler, also one started later, learns it. When a host's report disagrees with the
 * database (its process restarted, or missed the message), the host is told again, at most every resend interval.
 */
@Component
public class HostEnablement {

    private static final Logger log = LoggerFactory.getLogger(HostEnablement.class);

    private final ComputeClient compute;
    private final Duration resendInterval;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

    public HostEnablement(ComputeClient compute, ServicesProperties properties) {
        this.compute = compute;
        this.resendInterval = properties.resendInterval();
    }

    /** Tells the host now, after an operator changed the flag. */
    public void apply(RpcContext context, ServiceRecord service, Instant now) {
        lastSent.put(service.host(), now);
        send(context, service);
    }

    /** Tells the host again if its report disagrees with the database. */
    public void reconcile(HostReport report, ServiceRecord service, Instant now) {
        if (report.enabled() == service.placeable()) {
            return;
        }
        Instant last = lastSent.get(service.host());
        if (last == null || Duration.between(last, now).compareTo(resendInterval) >= 0) {
            lastSent.put(service.host(), now);
            send(RpcContext.system(), service);
        }
    }

    private void send(RpcContext context, ServiceRecord service) {
        try {
            compute.setHostEnabled(context, service.host(), service.placeable());
        } catch (RemoteError e) {
            // A host nobody serves is down anyway; when it is back, its report brings us here again.
            log.info(
                    "could not tell {} it is {}: {}",
                    service.host(),
                    service.placeable() ? "enabled" : "disabled",
                    e.getMessage());
        }
    }
}
