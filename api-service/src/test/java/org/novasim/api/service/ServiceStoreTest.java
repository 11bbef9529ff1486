package org.novasim.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novasim.api.hypervisor.ComputeNodeRecord;
import org.novasim.api.hypervisor.ComputeNodeStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Services and compute nodes are recorded once, also when two API processes hear of them at the same time. */
class ServiceStoreTest {

    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private ServiceStore services;
    private ComputeNodeStore nodes;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        services = new ServiceStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
        nodes = new ComputeNodeStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
    }

    @Test
    void recordsNewServicesInOneGoAndReadsBackThoseAnotherProcessRecordedFirst() {
        List<ServiceRecord> first = services.insert(List.of(compute("h1"), compute("h2")), T0);
        // A second API process heard of h2 too, and of h3.
        List<ServiceRecord> second = services.insert(List.of(compute("h2"), compute("h3")), T0);

        assertThat(services.all()).extracting(ServiceRecord::host).containsExactly("h1", "h2", "h3");
        assertThat(second).extracting(ServiceRecord::host).containsExactlyInAnyOrder("h2", "h3");
        long h2 = first.stream()
                .filter(s -> s.host().equals("h2"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(second.stream()
                        .filter(s -> s.host().equals("h2"))
                        .findFirst()
                        .orElseThrow()
                        .id())
                .isEqualTo(h2);
    }

    @Test
    void keepsTheOperatorsDecisionAndForgetsADeletedService() {
        ServiceRecord h1 = services.insert(List.of(compute("h1")), T0).get(0);

        services.updateDisabled(h1.id(), true, "maintenance", T0.plusSeconds(1));
        ServiceRecord stored = services.all().get(0);
        assertThat(stored.disabled()).isTrue();
        assertThat(stored.disabledReason()).isEqualTo("maintenance");
        assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(1));

        Map<String, Long> host = new LinkedHashMap<>();
        host.put("h1", h1.id());
        nodes.insert(host, T0);
        assertThat(services.delete(h1.id())).isTrue();
        assertThat(services.all()).isEmpty();
        assertThat(nodes.all()).as("the node goes with its service").isEmpty();
    }

    @Test
    void computeNodesAreRecordedOncePerHostInTheOrderGiven() {
        List<ServiceRecord> recorded = services.insert(List.of(compute("h1"), compute("h2")), T0);
        Map<String, Long> hosts = new LinkedHashMap<>();
        recorded.forEach(service -> hosts.put(service.host(), service.id()));

        nodes.insert(hosts, T0);
        nodes.insert(hosts, T0);

        assertThat(nodes.all()).extracting(ComputeNodeRecord::host).containsExactly("h1", "h2");
        assertThat(nodes.all())
                .extracting(ComputeNodeRecord::hypervisorHostname)
                .containsExactly("h1", "h2");
    }

    private static NewService compute(String host) {
        return new NewService(host, "nova-compute", "compute", "nova");
    }
}
