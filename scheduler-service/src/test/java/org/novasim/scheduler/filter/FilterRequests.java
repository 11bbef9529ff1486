package org.novasim.scheduler.filter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.common.scheduler.ServerGroupInfo;
import org.novasim.scheduler.Hosts;

/** Requests for filter tests. */
final class FilterRequests {

    private FilterRequests() {}

    static FilterRequest plain() {
        return new FilterRequest(Hosts.spec(Hosts.SMALL), Set.of(), Hosts.T0);
    }

    static FilterRequest inZone(String zone) {
        return new FilterRequest(
                new RequestSpec(
                        "p1", Hosts.SMALL, new ImageSpec("img", "cirros", Map.of()), zone, Map.of(), null, null),
                Set.of(),
                Hosts.T0);
    }

    static FilterRequest withImage(Map<String, String> properties) {
        return new FilterRequest(
                new RequestSpec(
                        "p1", Hosts.SMALL, new ImageSpec("img", "custom", properties), null, Map.of(), null, null),
                Set.of(),
                Hosts.T0);
    }

    static FilterRequest inGroup(String policy, String... groupHosts) {
        return new FilterRequest(
                new RequestSpec(
                        "p1",
                        Hosts.SMALL,
                        new ImageSpec("img", "cirros", Map.of()),
                        null,
                        Map.of(),
                        new ServerGroupInfo("g1", policy, List.of()),
                        null),
                Set.of(groupHosts),
                Hosts.T0);
    }
}
