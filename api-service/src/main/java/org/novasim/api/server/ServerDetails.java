package org.novasim.api.server;

import java.security.SecureRandom;
import java.util.Map;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceFaults;
import org.novasim.api.instance.MetadataStore;
import org.novasim.api.web.ApiVersion;
import org.novasim.common.rpc.RpcContext;
import org.springframework.stereotype.Component;

/** A server's full view with what it is shown with (metadata, fault, zone), for every endpoint that shows one. */
@Component
class ServerDetails {

    private static final String PASSWORD_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final MetadataStore metadata;
    private final InstanceFaults faults;
    private final ServerZones zones;
    private final SecureRandom random = new SecureRandom();

    ServerDetails(MetadataStore metadata, InstanceFaults faults, ServerZones zones) {
        this.metadata = metadata;
        this.faults = faults;
        this.zones = zones;
    }

    Map<String, Object> of(Instance instance, RpcContext context, ApiVersion version) {
        return of(instance, metadata.of(instance.uuid()), context, version);
    }

    Map<String, Object> of(
            Instance instance, Map<String, String> metadataOfInstance, RpcContext context, ApiVersion version) {
        return ServerViews.detail(
                instance,
                metadataOfInstance,
                faults.shownFor(instance).orElse(null),
                zones.of(instance),
                context,
                version);
    }

    /** A password as Nova generates one (its password_length, 12), for answers that carry adminPass. */
    String newPassword() {
        StringBuilder text = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            text.append(PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length())));
        }
        return text.toString();
    }
}
