package org.novasim.benchmark.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultReportTest {

    static final FaultWindow WINDOW = new FaultWindow("broker-restart", 1, 14, "", "");

    @Test
    void aRunLosesNothingOnlyWhenEveryAcceptedLaunchEndsActive() {
        FaultReport clean = report(
                survey(Map.of("a", "fault-0")), launch(0, Outcome.ACTIVE, "a"), launch(1, Outcome.REFUSED, null));
        assertThat(clean.lostNothing()).isTrue();
        assertThat(clean.count(Outcome.REFUSED)).isEqualTo(1);

        FaultReport failed =
                report(survey(Map.of("a", "fault-0")), launch(0, Outcome.ERROR, "a"), launch(1, Outcome.STUCK, "b"));
        assertThat(failed.lostNothing()).isFalse();
        assertThat(failed.errorsByFault()).containsEntry("boom", 1L);
    }

    @Test
    void aServerNoAcceptedCreateMadeIsLeftByARefusedOne() {
        FaultReport report = report(
                survey(Map.of("a", "fault-0", "x", "fault-1", "y", "someone-elses")),
                launch(0, Outcome.ACTIVE, "a"),
                launch(1, Outcome.REFUSED, null));
        assertThat(report.leftByRefused()).containsExactly("x (fault-1)");
        assertThat(report.lostNothing()).isFalse();
    }

    @Test
    void namedFaultsAndTheirCommands() {
        Fault restart = Fault.of(
                "broker-restart", null, null, "rabbit@x", Path.of("."), "net", Duration.ZERO, Duration.ofSeconds(3));
        assertThat(restart.inject()).hasToString("rabbitmqctl -n rabbit@x stop_app");
        assertThat(restart.lift()).hasToString("rabbitmqctl -n rabbit@x start_app");
        Fault cut =
                Fault.of("network-cut:compute-1", null, null, null, Path.of("."), "net", Duration.ZERO, Duration.ZERO);
        assertThat(cut.inject()).hasToString("docker network disconnect net compute-1");
        Fault kill =
                Fault.of("kill:api-service", null, "start it", null, Path.of("/h"), "n", Duration.ZERO, Duration.ZERO);
        assertThat(kill.inject()).hasToString("kill -9 api-service of /h");
        assertThat(kill.lift()).hasToString("start it");
        assertThatThrownBy(() -> Fault.of("flood", null, null, null, Path.of("."), "n", Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("unknown fault 'flood'");
        assertThatThrownBy(() -> Fault.of("custom", null, null, null, Path.of("."), "n", Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("--fault-start");
    }

    private static FaultReport report(CloudSurvey survey, LaunchResult... launches) {
        return FaultReport.of(Map.of(), Map.of(), WINDOW, survey, List.of(launches));
    }

    private static CloudSurvey survey(Map<String, String> servers) {
        return new CloudSurvey(servers.size(), List.of(), List.of(), List.of(), servers);
    }

    private static LaunchResult launch(int index, Outcome outcome, String id) {
        return new LaunchResult(
                index,
                index,
                Instant.EPOCH,
                outcome == Outcome.REFUSED ? 503 : 202,
                id,
                outcome,
                1.0,
                outcome == Outcome.ERROR ? "boom" : null);
    }
}
