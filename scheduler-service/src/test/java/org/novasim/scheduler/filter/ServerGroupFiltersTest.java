package org.novasim.scheduler.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.novasim.scheduler.Hosts;
import org.novasim.scheduler.host.HostState;

class ServerGroupFiltersTest {

    private final ServerGroupAffinityFilter affinity = new ServerGroupAffinityFilter();
    private final ServerGroupAntiAffinityFilter antiAffinity = new ServerGroupAntiAffinityFilter();
    private final HostState a = new HostState(Hosts.host("a"), Hosts.T0);
    private final HostState b = new HostState(Hosts.host("b"), Hosts.T0);

    @Test
    void withoutAGroupBothPassEveryHost() {
        assertThat(affinity.passes(a, FilterRequests.plain())).isTrue();
        assertThat(antiAffinity.passes(a, FilterRequests.plain())).isTrue();
    }

    @Test
    void antiAffinityKeepsOffTheGroupsHosts() {
        FilterRequest request = FilterRequests.inGroup("anti-affinity", "a");

        assertThat(antiAffinity.passes(a, request)).isFalse();
        assertThat(antiAffinity.passes(b, request)).isTrue();
        assertThat(affinity.passes(a, request)).as("not its policy").isTrue();
        assertThat(affinity.passes(b, request)).isTrue();
    }

    @Test
    void affinityGoesWhereTheGroupIsOrAnywhereForTheFirstMember() {
        assertThat(affinity.passes(b, FilterRequests.inGroup("affinity"))).isTrue();

        FilterRequest request = FilterRequests.inGroup("affinity", "a");
        assertThat(affinity.passes(a, request)).isTrue();
        assertThat(affinity.passes(b, request)).isFalse();
        assertThat(antiAffinity.passes(a, request)).as("not its policy").isTrue();
    }
}
