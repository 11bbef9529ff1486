package org.novasim.api.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceFault;
import org.novasim.api.instance.ServerStatus;
import org.novasim.api.service.LegacyTimestamps;
import org.novasim.api.web.ApiVersion;
import org.novasim.api.web.Links;
import org.novasim.api.web.Timestamps;
import org.novasim.common.network.FixedIp;
import org.novasim.common.network.Vif;
import org.novasim.common.rpc.RpcContext;

/** Servers as the Compute API v2.1 shows them. */
final class ServerViews {

    private ServerViews() {}

    static Map<String, Object> summary(Instance instance) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", instance.uuid());
        view.put("name", instance.displayName());
        view.put("links", Links.compute("servers", instance.uuid()));
        return view;
    }

    /**
     * The full server as the caller may see it at the request's microversion: host fields (OS-EXT-SRV-ATTR) only
     * for admins, the 2.3 extended attributes and 2.9 {@code locked} only from those versions on.
     */
    static Map<String, Object> detail(
            Instance instance,
            Map<String, String> metadata,
            InstanceFault fault,
            String zone,
            RpcContext caller,
            ApiVersion version) {
        Map<String, Object> view = new LinkedHashMap<>();
        String root = Links.root();
        view.put("id", instance.uuid());
        view.put("name", instance.displayName());
        view.put("status", ServerStatus.of(instance.vmState(), instance.taskState()));
        view.put("tenant_id", instance.projectId());
        view.put("user_id", instance.userId());
        view.put("metadata", metadata);
        view.put("hostId", HostIds.of(instance.projectId(), instance.host()));
        view.put(
                "image",
                instance.imageRef() == null
                        ? ""
                        : Map.of(
                                "id",
                                instance.imageRef(),
                                "links",
                                List.of(Map.of(
                                        "rel", "bookmark", "href", root + "/compute/images/" + instance.imageRef()))));
        view.put(
                "flavor",
                Map.of(
                        "id",
                        instance.flavor().id(),
                        "links",
                        List.of(Map.of(
                                "rel",
                                "bookmark",
                                "href",
                                root + "/compute/flavors/" + instance.flavor().id()))));
        view.put("created", Timestamps.iso(instance.createdAt()));
        view.put("updated", Timestamps.iso(instance.updatedAt()));
        view.put("addresses", addresses(instance));
        view.put("accessIPv4", "");
        view.put("accessIPv6", "");
        view.put("links", Links.compute("servers", instance.uuid()));
        view.put("OS-DCF:diskConfig", "MANUAL");
        view.put("progress", 0);
        view.put("OS-EXT-AZ:availability_zone", zone);
        view.put("config_drive", "");
        view.put("key_name", instance.keyName());
        // Nova shows these two database columns to the microsecond and without a zone, unlike created/updated.
        view.put("OS-SRV-USG:launched_at", LegacyTimestamps.of(instance.launchedAt()));
        view.put("OS-SRV-USG:terminated_at", LegacyTimestamps.of(instance.terminatedAt()));
        if (caller.isAdmin()) {
            view.put("OS-EXT-SRV-ATTR:host", instance.host());
            view.put(
                    "OS-EXT-SRV-ATTR:instance_name",
                    "instance-" + instance.uuid().substring(0, 8));
            view.put("OS-EXT-SRV-ATTR:hypervisor_hostname", instance.host());
            if (version.atLeast(2, 3)) {
                view.put("OS-EXT-SRV-ATTR:reservation_id", instance.reservationId());
                view.put("OS-EXT-SRV-ATTR:launch_index", instance.launchIndex());
                view.put("OS-EXT-SRV-ATTR:hostname", hostname(instance.displayName()));
                view.put("OS-EXT-SRV-ATTR:kernel_id", "");
                view.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
                view.put("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda");
                view.put("OS-EXT-SRV-ATTR:user_data", instance.userData());
            }
        }
        if (version.atLeast(2, 9)) {
            view.put("locked", instance.locked());
        }
        view.put("OS-EXT-STS:task_state", instance.taskState().value());
        view.put("OS-EXT-STS:vm_state", instance.vmState().value());
        view.put("OS-EXT-STS:power_state", instance.powerState().code());
        view.put("os-extended-volumes:volumes_attached", List.of());
        if (!instance.isDeleted()) {
            view.put("security_groups", List.of(Map.of("name", "default")));
        }
        if (fault != null && ("ERROR".equals(view.get("status")) || "DELETED".equals(view.get("status")))) {
            Map<String, Object> faultView = new LinkedHashMap<>();
            faultView.put("code", fault.code());
            faultView.put("created", Timestamps.iso(fault.createdAt()));
            faultView.put("message", fault.message());
            view.put("fault", faultView);
        }
        return view;
    }

    /** {@code {"private": [{"version": 4, "addr": ..., "OS-EXT-IPS:type": "fixed", "OS-EXT-IPS-MAC:mac_addr": ...}]}} */
    static Map<String, List<Map<String, Object>>> addresses(Instance instance) {
        Map<String, List<Map<String, Object>>> addresses = new LinkedHashMap<>();
        if (instance.networkInfo() == null) {
            return addresses;
        }
        for (Vif vif : instance.networkInfo().vifs()) {
            List<Map<String, Object>> list = addresses.computeIfAbsent(vif.networkName(), name -> new ArrayList<>());
            for (FixedIp ip : vif.fixedIps()) {
                Map<String, Object> address = new LinkedHashMap<>();
                address.put("version", ip.version());
                address.put("addr", ip.address());
                address.put("OS-EXT-IPS:type", "fixed");
                address.put("OS-EXT-IPS-MAC:mac_addr", vif.macAddress());
                list.add(address);
            }
        }
        return addresses;
    }

    /** The guest's host name Nova derives from the display name: lower case, letters, digits and hyphens. */
    static String hostname(String displayName) {
        String hostname = displayName
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        return hostname.isEmpty() ? "server" : hostname.substring(0, Math.min(63, hostname.length()));
    }
}
