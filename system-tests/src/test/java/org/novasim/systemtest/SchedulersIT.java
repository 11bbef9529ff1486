package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.novasim.scheduler.host.HostStateCache;
import tools.jackson.databind.JsonNode;

/**
 * Two scheduler processes sharing one host with room for four m1.small. The host reports only at start (its
 * intervals are a minute), so neither scheduler can learn the other's placements from reports: only the claims
 * they share keep them from handing out the same room. Without sharing, a launch would go to a scheduler that
 * believes the host half empty, and the host would refuse its claim (an error event of the create action); with
 * it, the schedulers themselves say there is no valid host and no host ever refuses.
 */
class SchedulersIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static Cloud cloud;
    static ApiClient api;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2()
                .compute("novasim.compute.hosts[0].name", "solo-1")
                .compute("novasim.compute.hosts[0].memory-mb", 8704)
                .compute("novasim.compute.report-interval", "60s")
                .compute("novasim.compute.changes-interval", "60s")
                .scheduler("novasim.scheduler.claim-timeout", "120s")
                .start();
        cloud.startExtraScheduler(Map.of("novasim.service.host", "scheduler-2"));
        api = cloud.client();
        // Both schedulers know the host (each asked for a report when it started).
        await().atMost(WAIT)
                .until(() ->
                        cloud.schedulerContext().getBean(HostStateCache.class).size() == 1);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void sharedClaimsKeepTwoSchedulersFromOvercommittingAHost() {
        List<String> faults = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        int active = 0;
        for (int i = 0; i < 6; i++) {
            String id = api.launch("vm" + i, "2", LaunchPipelineIT.CIRROS);
            JsonNode server = api.waitForBuildEnd(id, WAIT);
            if ("ACTIVE".equals(server.get("status").asString())) {
                active++;
            } else {
                faults.add(server.get("fault").get("message").asString());
            }
            refusals.addAll(claimRefusals(id));
        }

        assertThat(active).isEqualTo(4);
        assertThat(faults).containsOnly(SchedulingIT.NO_VALID_HOST).hasSize(2);
        assertThat(refusals).as("claims the host refused").isEmpty();
        assertThat(api.get("/compute/v2.1/os-services?binary=nova-scheduler")
                        .body()
                        .get("services")
                        .findValuesAsString("host"))
                .contains("scheduler-2");
    }

    /** The create action's claim events that failed: the host had no room for what a scheduler gave it. */
    private static List<String> claimRefusals(String id) {
        JsonNode actions = api.get("/compute/v2.1/servers/" + id + "/os-instance-actions")
                .body()
                .get("instanceActions");
        JsonNode events = api.get("/compute/v2.1/servers/" + id + "/os-instance-actions/"
                        + actions.get(0).get("request_id").asString())
                .body()
                .get("instanceAction")
                .get("events");
        List<String> refusals = new ArrayList<>();
        events.forEach(event -> {
            if ("compute_claim_resources".equals(event.get("event").asString())
                    && "Error".equals(event.get("result").asString())) {
                refusals.add(event.get("traceback").asString());
            }
        });
        return refusals;
    }
}
