package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.common.conductor.ConductorApi;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.InstancesOnHosts;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.UnsupportedVersionException;
import tools.jackson.databind.JsonNode;

/**
 * A rolling upgrade, both ways: one side of the cloud runs the older release's contracts while the other runs
 * the newer one's, and servers still launch and delete. The older release is stood in for by a process capped at
 * its versions ({@code novasim.rpc.version-caps.<topic>}): it sends, and serves, only what that release knew.
 */
class RollingUpgradeIT {

    /**
     * Conductor 1.1 (no instances_on_hosts), as before compute restarts were recovered; the newer compute is capped
     * at it, as an operator caps upgraded services until the rest follows, and starts without asking.
     */
    @Test
    void anOlderConductorWithANewerCompute() {
        try (Cloud cloud = Cloud.onH2()
                .api("novasim.rpc.version-caps.conductor", "1.1")
                .compute("novasim.rpc.version-caps.conductor", "1.1")
                .start()) {
            launchAndDelete(cloud.client());

            InstancesOnHosts question = new InstancesOnHosts(List.of("compute-1"));
            assertThatThrownBy(() -> cloud.computeContext()
                            .getBean(ConductorClient.class)
                            .instancesOnHosts(RpcContext.system(), question.hosts()))
                    .as("the capped compute does not send what conductor 1.1 does not know")
                    .isInstanceOf(UnsupportedVersionException.class)
                    .hasMessageContaining("version-caps.conductor is 1.1");
            assertThatThrownBy(() -> cloud.schedulerContext()
                            .getBean(RpcClient.class)
                            .call(RpcContext.system(), ConductorApi.INSTANCES_ON_HOSTS, question))
                    .as("the older conductor refuses it from an uncapped caller")
                    .isInstanceOf(UnsupportedVersionException.class)
                    .hasMessageContaining("does not support RPC version 1.2");
        }
    }

    /**
     * A compute of the first release (compute 1.0: no power actions, host reports without their 1.1 fields;
     * conductor 1.1) under the newer conductor, scheduler and API.
     */
    @Test
    void aNewerConductorWithAnOlderCompute() {
        try (Cloud cloud = Cloud.onH2()
                .compute("novasim.rpc.version-caps.compute", "1.0")
                .compute("novasim.rpc.version-caps.conductor", "1.1")
                .start()) {
            ApiClient api = cloud.client();
            launchAndDelete(api);
            JsonNode hypervisors =
                    api.get("/compute/v2.1/os-hypervisors/detail").body().get("hypervisors");
            assertThat(hypervisors).isNotEmpty();
            assertThat(hypervisors.get(0).get("host_ip").isNull())
                    .as("an older compute's reports have no host IP (added in compute 1.1)")
                    .isTrue();
        }
    }

    private static void launchAndDelete(ApiClient api) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.launch("upgrade-" + i, "1", LaunchPipelineIT.CIRROS));
        }
        for (String id : ids) {
            JsonNode server = api.waitForStatus(id, "ACTIVE", Duration.ofSeconds(30));
            assertThat(server.get("addresses").get("private")).isNotEmpty();
        }
        for (String id : ids) {
            assertThat(api.delete("/compute/v2.1/servers/" + id).status()).isEqualTo(204);
        }
        for (String id : ids) {
            api.waitForGone(id, Duration.ofSeconds(30));
        }
    }
}
