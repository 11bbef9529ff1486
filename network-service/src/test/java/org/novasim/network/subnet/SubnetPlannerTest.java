package org.novasim.network.subnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.common.network.AllocationPool;
import org.novasim.common.network.CreateSubnet;
import org.novasim.common.network.InvalidInputException;
import org.novasim.network.ip.Cidr;

class SubnetPlannerTest {

    private static SubnetPlan plan(String cidr, String gateway, List<AllocationPool> pools, Cidr... others) {
        return SubnetPlanner.plan(
                new CreateSubnet("net-1", "s", null, null, cidr, gateway, null, pools, null, null),
                "net-1",
                List.of(others));
    }

    private static List<String> pools(SubnetPlan plan) {
        return plan.pools().stream().map(Object::toString).toList();
    }

    @Test
    void ipv4DefaultsToTheFirstAddressAsGatewayAndLeavesOutNetworkBroadcastAndGateway() {
        SubnetPlan plan = plan("10.0.0.0/24", null, null);

        assertThat(plan.gateway().toString()).isEqualTo("10.0.0.1");
        assertThat(pools(plan)).containsExactly("10.0.0.2-10.0.0.254");
    }

    @Test
    void aGatewayInTheMiddleSplitsThePool() {
        assertThat(pools(plan("10.0.0.0/29", "10.0.0.4", null)))
                .containsExactly("10.0.0.1-10.0.0.3", "10.0.0.5-10.0.0.6");
    }

    @Test
    void noGatewayLeavesTheWholeRange() {
        SubnetPlan plan = SubnetPlanner.plan(
                new CreateSubnet("net-1", "s", null, 4, "10.0.0.0/29", null, true, null, null, null),
                "net-1",
                List.of());

        assertThat(plan.gateway()).isNull();
        assertThat(pools(plan)).containsExactly("10.0.0.1-10.0.0.6");
    }

    @Test
    void ipv6HasNoBroadcastSoThePoolRunsToTheLastAddress() {
        SubnetPlan plan = plan("fd00::/64", null, null);

        assertThat(plan.gateway().toString()).isEqualTo("fd00::1");
        assertThat(pools(plan)).containsExactly("fd00::2-fd00::ffff:ffff:ffff:ffff");
    }

    @Test
    void keepsRequestedPoolsInAddressOrder() {
        SubnetPlan plan = plan(
                "10.0.0.0/24",
                "10.0.0.1",
                List.of(new AllocationPool("10.0.0.100", "10.0.0.110"), new AllocationPool("10.0.0.10", "10.0.0.20")));

        assertThat(pools(plan)).containsExactly("10.0.0.10-10.0.0.20", "10.0.0.100-10.0.0.110");
    }

    @Test
    void refusesAMisalignedCidr() {
        assertThatThrownBy(() -> plan("10.0.0.5/24", null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'10.0.0.0/24' is recommended");
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> plan("not-a-cidr", null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> plan(null, null, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesAnOverlapWithAnotherSubnetOfTheNetwork() {
        assertThatThrownBy(() -> plan("10.0.0.128/25", null, null, Cidr.parse("10.0.0.0/24")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid input for operation: Requested subnet with cidr: 10.0.0.128/25 for network: net-1"
                        + " overlaps with another subnet");
    }

    @Test
    void refusesAVersionThatIsNotTheCidrs() {
        assertThatThrownBy(() -> SubnetPlanner.plan(
                        new CreateSubnet("n", "s", null, 6, "10.0.0.0/24", null, null, null, null, null),
                        "n",
                        List.of()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesAGatewayOutsideOrReserved() {
        assertThatThrownBy(() -> plan("10.0.0.0/24", "10.0.1.1", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> plan("10.0.0.0/24", "10.0.0.255", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> plan("10.0.0.0/24", "10.0.0.0", null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesBadPools() {
        assertThatThrownBy(() -> plan("10.0.0.0/24", null, List.of(new AllocationPool("10.0.0.1", "10.0.0.9"))))
                .hasMessageContaining("Gateway ip 10.0.0.1 conflicts with allocation pool");
        assertThatThrownBy(() -> plan("10.0.0.0/24", null, List.of(new AllocationPool("10.0.0.200", "10.0.1.9"))))
                .hasMessageContaining("spans beyond the subnet cidr");
        assertThatThrownBy(() -> plan("10.0.0.0/24", null, List.of(new AllocationPool("10.0.0.20", "10.0.0.10"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> plan("10.0.0.0/24", null, List.of(new AllocationPool("10.0.0.2", "10.0.0.255"))))
                .hasMessageContaining("broadcast");
        assertThatThrownBy(() -> plan(
                        "10.0.0.0/24",
                        null,
                        List.of(
                                new AllocationPool("10.0.0.2", "10.0.0.20"),
                                new AllocationPool("10.0.0.20", "10.0.0.30"))))
                .hasMessageContaining("overlapping allocation pools");
        assertThatThrownBy(() -> plan("10.0.0.0/24", null, List.of(new AllocationPool("10.0.0.2", "fd00::1"))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesASubnetWithNothingToAllocate() {
        assertThatThrownBy(() -> plan("10.0.0.0/31", null, null)).isInstanceOf(InvalidInputException.class);
        assertThatCode(() -> plan("10.0.0.0/30", null, null)).doesNotThrowAnyException();
    }
}
