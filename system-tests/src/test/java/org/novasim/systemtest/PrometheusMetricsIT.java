package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every service answers /actuator/prometheus, and after two launches that reach ACTIVE and one that finds no host
 * the counters of each service moved by exactly what happened: launches and faults in the API, decisions in the
 * scheduler, builds in compute, ports in network, RPC calls and casts on both ends by topic and method.
 */
class PrometheusMetricsIT {

    static Cloud cloud;
    static ApiClient api;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2().api("novasim.metrics.refresh", "200ms").start();
        api = cloud.client();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void countersMoveByWhatHappened() {
        Map<String, PrometheusScrape> before = scrapeAll();

        String first = api.launch("m1", "1", LaunchPipelineIT.CIRROS);
        String second = api.launch("m2", "1", LaunchPipelineIT.CIRROS);
        String nowhere = api.launchIn("nowhere", "m3", "1");
        api.waitForStatus(first, "ACTIVE", Duration.ofSeconds(30));
        api.waitForStatus(second, "ACTIVE", Duration.ofSeconds(30));
        api.waitForStatus(nowhere, "ERROR", Duration.ofSeconds(30));

        Map<String, PrometheusScrape> after = scrapeAll();
        assertThat(moved(before, after, "api", "novasim_launches_total", "outcome", "active"))
                .isEqualTo(2);
        assertThat(moved(before, after, "api", "novasim_launches_total", "outcome", "error"))
                .isEqualTo(1);
        assertThat(moved(before, after, "api", "novasim_launch_faults_total", "reason", "no_valid_host"))
                .isEqualTo(1);
        assertThat(moved(before, after, "api", "novasim_launch_duration_seconds_count"))
                .isEqualTo(2);
        assertThat(moved(before, after, "api", "novasim_launch_stage_seconds_count", "stage", "compute_spawn"))
                .isEqualTo(2);
        assertThat(moved(
                        before,
                        after,
                        "api",
                        "novasim_rpc_client_seconds_count",
                        "topic",
                        "scheduler",
                        "method",
                        "select_destinations"))
                .isEqualTo(3);
        assertThat(moved(
                        before,
                        after,
                        "api",
                        "novasim_rpc_client_seconds_count",
                        "topic",
                        "compute",
                        "method",
                        "build_and_run_instance",
                        "kind",
                        "cast"))
                .isEqualTo(2);

        assertThat(moved(before, after, "scheduler", "novasim_scheduler_decisions_total", "outcome", "selected"))
                .isEqualTo(2);
        assertThat(moved(before, after, "scheduler", "novasim_scheduler_decisions_total", "outcome", "no_valid_host"))
                .isEqualTo(1);
        assertThat(moved(
                        before,
                        after,
                        "scheduler",
                        "novasim_rpc_server_seconds_count",
                        "method",
                        "select_destinations",
                        "outcome",
                        "NoValidHostException"))
                .isEqualTo(1);

        assertThat(moved(
                        before,
                        after,
                        "compute",
                        "novasim_rpc_server_seconds_count",
                        "topic",
                        "compute",
                        "method",
                        "build_and_run_instance"))
                .isEqualTo(2);
        assertThat(moved(
                        before,
                        after,
                        "compute",
                        "novasim_rpc_client_seconds_count",
                        "topic",
                        "network",
                        "method",
                        "allocate_for_instance"))
                .isEqualTo(2);

        assertThat(moved(before, after, "network", "novasim_network_port_allocations_total"))
                .isEqualTo(2);
        assertThat(moved(
                        before,
                        after,
                        "network",
                        "novasim_rpc_server_seconds_count",
                        "method",
                        "allocate_for_instance"))
                .isEqualTo(2);
    }

    @Test
    void cloudGaugesUseOpenstackExportersNamesWithoutASeriesPerHost() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape api = PrometheusScrape.of(cloud.apiContext());
            // four hosts of 16 vCPUs and 32 GB each (system-tests' defaults)
            assertThat(api.sum("openstack_nova_vcpus_available")).isEqualTo(64);
            assertThat(api.sum("openstack_nova_memory_available_bytes")).isEqualTo(4 * 32768d * 1024 * 1024);
            assertThat(api.sum("novasim_compute_hosts", "state", "up")).isEqualTo(4);
            assertThat(api.matching("openstack_nova_agent_state", "service", "nova-scheduler"))
                    .singleElement()
                    .satisfies(sample -> assertThat(sample.value()).isEqualTo(1));
        });
        PrometheusScrape api = PrometheusScrape.of(cloud.apiContext());
        assertThat(api.matching("openstack_nova_running_vms"))
                .singleElement()
                .satisfies(sample -> assertThat(sample.labels()).doesNotContainKey("hostname"));
        assertThat(api.matching("openstack_nova_agent_state", "service", "nova-compute"))
                .isEmpty();
        assertThat(api.samples())
                .noneMatch(sample -> sample.labels().containsKey("instance_uuid")
                        || String.valueOf(sample.labels().get("method")).startsWith("compute."));
    }

    private static Map<String, PrometheusScrape> scrapeAll() {
        return Map.of(
                "api", PrometheusScrape.of(cloud.apiContext()),
                "scheduler", PrometheusScrape.of(cloud.schedulerContext()),
                "compute", PrometheusScrape.of(cloud.computeContext()),
                "network", PrometheusScrape.of(cloud.networkContext()));
    }

    private static double moved(
            Map<String, PrometheusScrape> before,
            Map<String, PrometheusScrape> after,
            String service,
            String name,
            String... labels) {
        return after.get(service).sum(name, labels) - before.get(service).sum(name, labels);
    }
}
