package org.novasim.scheduler.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.novasim.scheduler.Hosts;
import org.novasim.scheduler.host.HostState;

class ImagePropertiesFilterTest {

    private final ImagePropertiesFilter filter = new ImagePropertiesFilter();
    private final HostState x86 = new HostState(Hosts.host("a"), Hosts.T0);
    private final HostState arm =
            new HostState(Hosts.with(Hosts.host("b"), "nova", true, 0, "aarch64", List.of()), Hosts.T0);

    @Test
    void anImageWithoutWishesRunsAnywhere() {
        assertThat(filter.passes(x86, FilterRequests.withImage(Map.of()))).isTrue();
        assertThat(filter.passes(arm, FilterRequests.withImage(Map.of("os_distro", "cirros"))))
                .isTrue();
    }

    @Test
    void architectureMustMatchIgnoringCaseAndTheLegacyNameCounts() {
        FilterRequest wantsArm = FilterRequests.withImage(Map.of("hw_architecture", "AArch64"));
        assertThat(filter.passes(arm, wantsArm)).isTrue();
        assertThat(filter.passes(x86, wantsArm)).isFalse();

        FilterRequest legacy = FilterRequests.withImage(Map.of("architecture", "x86_64"));
        assertThat(filter.passes(x86, legacy)).isTrue();
        assertThat(filter.passes(arm, legacy)).isFalse();
    }

    @Test
    void hypervisorTypeMustMatch() {
        assertThat(filter.passes(x86, FilterRequests.withImage(Map.of("img_hv_type", "qemu"))))
                .isTrue();
        assertThat(filter.passes(x86, FilterRequests.withImage(Map.of("img_hv_type", "vmware"))))
                .isFalse();
        assertThat(filter.passes(x86, FilterRequests.withImage(Map.of("hypervisor_type", "xen"))))
                .isFalse();
    }
}
