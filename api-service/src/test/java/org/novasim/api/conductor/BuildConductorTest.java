package org.novasim.api.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.novasim.api.action.ActionLog;
import org.novasim.api.instance.InstanceFault;
import org.novasim.api.instance.InstanceFaultRepository;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.metrics.LaunchMetrics;
import org.novasim.api.servergroup.ServerGroupMembership;
import org.novasim.common.compute.BuildInstance;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.conductor.RescheduleInstance;
import org.novasim.common.conductor.ScheduleAndBuild;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.UndeliverableException;
import org.novasim.common.scheduler.NoValidHostException;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.common.scheduler.SchedulerClient;
import org.novasim.common.scheduler.Selection;
import org.novasim.common.scheduler.Selections;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The conductor's reschedule logic: next alternate, ERROR with Nova's faults when none is left or none fits. */
class BuildConductorTest {

    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    static final FlavorSpec TINY = new FlavorSpec("1", "m1.tiny", 1, 512, 1, 0, 0, Map.of());
    static final InstanceInfo INSTANCE =
            new InstanceInfo("i1", "vm", "p1", "u1", TINY, new ImageSpec("img", "cirros", Map.of()), null);
    static final RequestSpec SPEC = new RequestSpec("p1", TINY, INSTANCE.image(), null, Map.of(), null, List.of());

    private final SchedulerClient scheduler = mock(SchedulerClient.class);
    private final ComputeClient compute = mock(ComputeClient.class);
    private final InstanceStore instances = mock(InstanceStore.class);
    private final InstanceFaultRepository faults = mock(InstanceFaultRepository.class);
    private final ActionLog actions = mock(ActionLog.class);
    private final ServerGroupMembership groups = mock(ServerGroupMembership.class);
    private final RpcContext context = RpcContext.system();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private BuildConductor conductor;

    @BeforeEach
    void setUp() {
        PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        conductor = new BuildConductor(
                scheduler,
                compute,
                instances,
                faults,
                actions,
                groups,
                new TransactionTemplate(transactions),
                Clock.fixed(T0, ZoneOffset.UTC),
                new LaunchMetrics(meters, Clock.fixed(T0, ZoneOffset.UTC)),
                new ConductorProperties(
                        16, 5, Duration.ofSeconds(600), Duration.ofSeconds(30), Duration.ofSeconds(10), 8));
        when(groups.refresh(any(), anyList())).thenAnswer(call -> call.getArgument(0));
        when(instances.markError(anyString(), any())).thenReturn(true);
        when(instances.resetForReschedule(anyString(), any(), any())).thenReturn(true);
        when(instances.awaitsHost(anyString())).thenReturn(true);
    }

    @Test
    void aRepeatedRequestDoesNotBuildWhatAnEarlierCopyScheduled() {
        when(instances.awaitsHost("i1")).thenReturn(false);

        conductor.scheduleAndBuild(context, new ScheduleAndBuild(SPEC, List.of(INSTANCE), List.of()));

        verify(scheduler, never()).selectDestinations(any(), any(), any(), anyBoolean());
        verify(compute, never()).buildAndRunInstance(any(), any(), any(), any(), any(), any(), anyInt());
    }

    @Test
    void castsTheBuildToTheChosenHostWithTheAlternates() {
        when(scheduler.selectDestinations(any(), any(), any(), eq(true)))
                .thenReturn(new Selections(List.of(List.of(selection("a"), selection("b"), selection("c")))));

        conductor.scheduleAndBuild(context, new ScheduleAndBuild(SPEC, List.of(INSTANCE), List.of()));

        verify(compute)
                .buildAndRunInstance(
                        context, "a", INSTANCE, SPEC, List.of(), List.of(selection("b"), selection("c")), 1);
    }

    @Test
    void noValidHostIsAnErrorWithNovasFault() {
        when(scheduler.selectDestinations(any(), any(), any(), anyBoolean())).thenThrow(new NoValidHostException());

        conductor.scheduleAndBuild(context, new ScheduleAndBuild(SPEC, List.of(INSTANCE), List.of()));

        assertThat(savedFault().message()).isEqualTo("No valid host was found. There are not enough hosts available.");
        assertThat(savedFault().code()).isEqualTo(500);
        assertThat(meters.counter("novasim.launch.faults", "reason", "no_valid_host")
                        .count())
                .isEqualTo(1);
        verify(compute, never()).buildAndRunInstance(any(), any(), any(), any(), any(), any(), anyInt());
    }

    @Test
    void aFailedBuildGoesToTheNextAlternateAndNeverBackToTheFailedHost() {
        BuildInstance failed =
                new BuildInstance("a", INSTANCE, SPEC, List.of(), List.of(selection("b"), selection("c")), 1);

        conductor.reschedule(context, new RescheduleInstance(failed, "a", "boom", true, List.of()));

        verify(instances).resetForReschedule("i1", "a", T0);
        ArgumentCaptor<RequestSpec> spec = ArgumentCaptor.forClass(RequestSpec.class);
        verify(compute)
                .buildAndRunInstance(
                        eq(context),
                        eq("b"),
                        eq(INSTANCE),
                        spec.capture(),
                        eq(List.of()),
                        eq(List.of(selection("c"))),
                        eq(2));
        assertThat(spec.getValue().ignoreHosts()).containsExactly("a");
        assertThat(meters.counter("novasim.launch.reschedules").count()).isEqualTo(1);
        assertThat(meters.find("novasim.launches").tag("outcome", "error").counter())
                .as("not an error yet")
                .isNull();
    }

    @Test
    void noAlternateLeftIsAnErrorNamingTheLastFailure() {
        BuildInstance failed = new BuildInstance("c", INSTANCE, SPEC, List.of(), List.of(), 3);

        conductor.reschedule(
                context, new RescheduleInstance(failed, "c", "Simulated hypervisor failure", true, List.of()));

        assertThat(savedFault().message())
                .startsWith(
                        "Exceeded maximum number of retries. Exhausted all hosts "
                                + "available for retrying build failures for instance i1. Last error: Simulated hypervisor failure");
        assertThat(meters.counter("novasim.launch.faults", "reason", "retries_exceeded")
                        .count())
                .isEqualTo(1);
        assertThat(meters.counter("novasim.launches", "outcome", "error").count())
                .isEqualTo(1);
        assertThat(meters.counter("novasim.launch.reschedules").count()).isZero();
        assertThat(savedFault().host()).isEqualTo("c");
        verify(instances, never()).resetForReschedule(any(), any(), any());
    }

    @Test
    void aFailureNoOtherHostCanFixIsAnErrorAtOnce() {
        BuildInstance failed = new BuildInstance("a", INSTANCE, SPEC, List.of(), List.of(selection("b")), 1);

        conductor.reschedule(
                context, new RescheduleInstance(failed, "a", "No more IP addresses available", false, List.of()));

        assertThat(savedFault().message()).isEqualTo("No more IP addresses available");
        verify(compute, never()).buildAndRunInstance(any(), any(), any(), any(), any(), any(), anyInt());
    }

    @Test
    void anInstanceDeletedMeanwhileIsNotRescheduled() {
        when(instances.resetForReschedule(anyString(), any(), any())).thenReturn(false);
        BuildInstance failed = new BuildInstance("a", INSTANCE, SPEC, List.of(), List.of(selection("b")), 1);

        conductor.reschedule(context, new RescheduleInstance(failed, "a", "boom", true, List.of()));

        verify(compute, never()).buildAndRunInstance(any(), any(), any(), any(), any(), any(), anyInt());
        verify(faults, never()).save(any());
    }

    @Test
    void aHostNoProcessServesCountsAsAFailedAttempt() {
        doThrow(new UndeliverableException("no server listens on compute.a"))
                .when(compute)
                .buildAndRunInstance(any(), eq("a"), any(), any(), any(), any(), anyInt());
        when(scheduler.selectDestinations(any(), any(), any(), eq(true)))
                .thenReturn(new Selections(List.of(List.of(selection("a"), selection("b")))));

        conductor.scheduleAndBuild(context, new ScheduleAndBuild(SPEC, List.of(INSTANCE), List.of()));

        verify(compute)
                .buildAndRunInstance(eq(context), eq("b"), eq(INSTANCE), any(), eq(List.of()), eq(List.of()), eq(2));
    }

    @Test
    void aHostWithoutRoomAfterAllSendsTheBuildBackToTheSchedulerWhenNoAlternateIsLeft() {
        when(scheduler.selectDestinations(any(), any(), any(), eq(true)))
                .thenReturn(new Selections(List.of(List.of(selection("d"), selection("e")))));
        BuildInstance failed = new BuildInstance(
                "c", INSTANCE, SPEC.withIgnoredHost("a").withIgnoredHost("b"), List.of(), List.of(), 3);

        conductor.reschedule(
                context, new RescheduleInstance(failed, "c", "Insufficient compute resources", true, List.of(), true));

        ArgumentCaptor<RequestSpec> asked = ArgumentCaptor.forClass(RequestSpec.class);
        verify(scheduler).selectDestinations(eq(context), asked.capture(), eq(List.of("i1")), eq(true));
        assertThat(asked.getValue().ignoreHosts()).containsExactly("a", "b", "c");
        verify(compute)
                .buildAndRunInstance(
                        eq(context), eq("d"), eq(INSTANCE), any(), eq(List.of()), eq(List.of(selection("e"))), eq(4));
    }

    @Test
    void aFullCloudEndsInNoValidHostAndClaimRefusalsStopAtTheLimit() {
        when(scheduler.selectDestinations(any(), any(), any(), anyBoolean())).thenThrow(new NoValidHostException());
        BuildInstance failed = new BuildInstance("c", INSTANCE, SPEC, List.of(), List.of(), 3);

        conductor.reschedule(
                context, new RescheduleInstance(failed, "c", "Insufficient compute resources", true, List.of(), true));
        assertThat(savedFault().message()).isEqualTo(NoValidHostException.MESSAGE);

        BuildInstance fifth = new BuildInstance("g", INSTANCE, SPEC, List.of(), List.of(), 5);
        conductor.reschedule(
                context, new RescheduleInstance(fifth, "g", "Insufficient compute resources", true, List.of(), true));
        verify(scheduler).selectDestinations(any(), any(), any(), anyBoolean());
    }

    private InstanceFault savedFault() {
        ArgumentCaptor<InstanceFault> fault = ArgumentCaptor.forClass(InstanceFault.class);
        verify(faults).save(fault.capture());
        return fault.getValue();
    }

    private static Selection selection(String host) {
        return new Selection(host, host, "nova");
    }
}
