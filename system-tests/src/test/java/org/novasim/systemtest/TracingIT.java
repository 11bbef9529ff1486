package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With tracing on ({@code ./novasim run --trace}), one launch is one trace: the API request's span is the root,
 * and the spans of the conductor, scheduler, compute host and network service hang under it, linked through the W3C
 * {@code traceparent} header the RPC layer puts in every message. The spans of all four services are collected in
 * one in-memory exporter; each carries its service's name.
 */
class TracingIT {

    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    static Cloud cloud;
    static ApiClient api;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2()
                .everywhere("management.tracing.export.enabled", true)
                .everywhere("management.tracing.sampling.probability", 1.0)
                .everywhere("management.opentelemetry.tracing.export.schedule-delay", "100ms")
                .everyService(context -> context.getBeanFactory().registerSingleton("testSpans", SPANS))
                .start();
        api = cloud.client();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void oneLaunchIsOneTraceAcrossTheFourServices() {
        String id = api.launch("traced", "1", LaunchPipelineIT.CIRROS);
        api.waitForStatus(id, "ACTIVE", Duration.ofSeconds(30));
        String traceId = JdbcClient.create(cloud.apiContext().getBean(DataSource.class))
                .sql("SELECT trace_id FROM instance_actions WHERE instance_uuid = :id AND action = 'create'")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(traceId).as("the create action records its trace").matches("[0-9a-f]{32}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SpanData> trace = SPANS.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId))
                    .toList();
            Set<String> services = trace.stream()
                    .map(span -> span.getResource()
                            .getAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("service.name")))
                    .collect(Collectors.toSet());
            assertThat(services)
                    .containsExactlyInAnyOrder(
                            "api-service", "scheduler-service", "compute-service", "network-service");
            Set<String> names = trace.stream().map(SpanData::getName).collect(Collectors.toSet());
            assertThat(names)
                    .contains(
                            "conductor schedule_and_build_instances",
                            "scheduler select_destinations",
                            "compute build_and_run_instance",
                            "network allocate_for_instance",
                            "conductor instance_update");
            assertThat(trace.stream()
                            .filter(span -> !span.getParentSpanContext().isValid()))
                    .as("one root: the API request")
                    .singleElement()
                    .satisfies(root -> assertThat(root.getName()).containsIgnoringCase("post"));
        });
    }
}
