package org.novasim.api.service;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.compute.HostReport;

class HostEnablementTest {

    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private final ComputeClient compute = mock(ComputeClient.class);
    private final HostEnablement enablement = new HostEnablement(
            compute, new ServicesProperties(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(5)));

    @Test
    void aHostThatForgotItIsDisabledIsToldAgainButNotAtEveryReport() {
        ServiceRecord disabled = service(true);

        enablement.reconcile(report(true), disabled, T0);
        enablement.reconcile(report(true), disabled, T0.plusSeconds(1));
        enablement.reconcile(report(true), disabled, T0.plusSeconds(6));

        verify(compute, times(2)).setHostEnabled(any(), eq("h1"), eq(false));
    }

    @Test
    void aHostThatAgreesIsLeftAlone() {
        enablement.reconcile(report(true), service(false), T0);
        enablement.reconcile(report(false), service(true), T0);

        verify(compute, never()).setHostEnabled(any(), anyString(), anyBoolean());
    }

    private static ServiceRecord service(boolean disabled) {
        return new ServiceRecord(1, "uuid", "h1", "nova-compute", "compute", "nova", disabled, null, false, T0, null);
    }

    private static HostReport report(boolean enabled) {
        return new HostReport(
                "h1",
                "nova",
                enabled,
                16,
                32768,
                500,
                0,
                0,
                0,
                4.0,
                1.0,
                1.0,
                512,
                0,
                0,
                0,
                "QEMU",
                "x86_64",
                0,
                "127.0.0.1",
                List.of());
    }
}
