package org.novasim.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novasim.testsupport.MutableClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** When requests for a host go to it, and when the API treats the host as dead. */
class ServiceDirectoryTest {

    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    static final ServicesProperties SIXTY_SECONDS =
            new ServicesProperties(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(5));
    private final MutableClock clock = new MutableClock(T0);
    private ServiceStore store;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        store = new ServiceStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
    }

    @Test
    void aComputeHostIsUpWhileItsHeartbeatIsYoungerThanServiceDownTime() {
        ServiceDirectory directory = new ServiceDirectory(store, clock, SIXTY_SECONDS);
        directory.heard(List.of(compute("h1")), T0);

        clock.set(T0.plusSeconds(60));
        assertThat(directory.isComputeUp("h1")).isTrue();
        clock.set(T0.plusSeconds(61));
        assertThat(directory.isComputeUp("h1")).isFalse();
        assertThat(directory.isComputeUp("never-heard-of")).isFalse();
    }

    @Test
    void aRestartedApiGivesKnownHostsTheBenefitOfTheDoubtForServiceDownTime() {
        new ServiceDirectory(store, clock, SIXTY_SECONDS).heard(List.of(compute("h1")), T0);

        clock.set(T0.plusSeconds(600));
        ServiceDirectory restarted = new ServiceDirectory(store, clock, SIXTY_SECONDS);
        assertThat(restarted.isComputeUp("h1"))
                .as("known from the database, not heard from yet")
                .isTrue();
        clock.set(T0.plusSeconds(661));
        assertThat(restarted.isComputeUp("h1"))
                .as("silent since this process started")
                .isFalse();
        restarted.heard(List.of(compute("h1")), clock.instant());
        assertThat(restarted.isComputeUp("h1")).isTrue();
    }

    private static NewService compute(String host) {
        return new NewService(host, "nova-compute", "compute", "nova");
    }

    @Test
    void twoApiProcessesAgreeOnWhatEitherChanged() {
        ServiceDirectory one = new ServiceDirectory(store, clock, SIXTY_SECONDS);
        one.heard(List.of(compute("h1"), compute("h2")), T0);
        ServiceDirectory other = new ServiceDirectory(store, clock, SIXTY_SECONDS);

        clock.set(T0.plusSeconds(1));
        one.setDisabled(one.compute("h1").orElseThrow(), true, "maintenance");
        one.setForcedDown(one.compute("h2").orElseThrow(), true);
        other.refresh();

        assertThat(other.compute("h1").orElseThrow().disabled()).isTrue();
        assertThat(other.compute("h1").orElseThrow().disabledReason()).isEqualTo("maintenance");
        assertThat(other.compute("h2").orElseThrow().forcedDown()).isTrue();

        one.delete(one.compute("h2").orElseThrow());
        other.refresh();
        assertThat(other.compute("h2")).as("deleted by the other process").isEmpty();
        assertThat(other.compute("h1")).isPresent();
    }
}
