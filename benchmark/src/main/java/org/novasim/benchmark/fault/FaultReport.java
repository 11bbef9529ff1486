package org.novasim.benchmark.fault;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything a run under a fault saw; written as JSON as it is, and as Markdown for people.
 *
 * @param outcomes      launches by how they ended
 * @param errorsByFault launches that ended in ERROR, by their fault message
 * @param survey        what the cloud held once the launches had settled
 * @param leftByRefused servers that exist although their create was refused (a 503 must change nothing)
 */
public record FaultReport(
        Map<String, Object> settings,
        Map<String, Object> machine,
        FaultWindow fault,
        Map<Outcome, Long> outcomes,
        Map<String, Long> errorsByFault,
        CloudSurvey survey,
        List<String> leftByRefused,
        List<LaunchResult> launches) {

    static FaultReport of(
            Map<String, Object> settings,
            Map<String, Object> machine,
            FaultWindow fault,
            CloudSurvey survey,
            List<LaunchResult> launches) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(
                    outcome,
                    launches.stream().filter(l -> l.outcome() == outcome).count());
        }
        Map<String, Long> errors = launches.stream()
                .filter(l -> l.outcome() == Outcome.ERROR)
                .collect(Collectors.groupingBy(
                        l -> l.detail() == null ? "(no fault)" : l.detail(), TreeMap::new, Collectors.counting()));
        return new FaultReport(settings, machine, fault, outcomes, errors, survey, leftBy(survey, launches), launches);
    }

    /**
     * Servers of this run's names that no accepted create made: a refused create that left its server behind. The
     * refused create has no id, so they are found by name among the servers the survey saw.
     */
    private static List<String> leftBy(CloudSurvey survey, List<LaunchResult> launches) {
        Set<String> accepted = launches.stream()
                .map(LaunchResult::serverId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return survey.serverNames().entrySet().stream()
                .filter(server ->
                        server.getValue().startsWith(Launch.NAME_PREFIX) && !accepted.contains(server.getKey()))
                .map(server -> server.getKey() + " (" + server.getValue() + ")")
                .toList();
    }

    public long count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** Accepted launches (202) that ended ACTIVE, and nothing broken: what a fault must not change. */
    public boolean lostNothing() {
        return count(Outcome.ERROR) == 0
                && count(Outcome.STUCK) == 0
                && count(Outcome.CREATE_FAILED) == 0
                && survey.duplicateAddresses().isEmpty()
                && survey.hostsOverCapacity().isEmpty()
                && survey.portsWithoutInstance().isEmpty()
                && leftByRefused.isEmpty();
    }
}
