package org.novasim.benchmark.fault;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A fault to inject during the launches: what injects it, what lifts it (null: nothing, e.g. a process that stays
 * dead), when after the first create, and for how long.
 */
public record Fault(String name, FaultAction inject, FaultAction lift, Duration at, Duration lasting) {

    /**
     * The named faults: {@code none}; {@code broker-restart} ({@code rabbitmqctl stop_app}, then {@code start_app},
     * on {@code rabbitmqNode} when given); {@code kill:<service>} (kill -9 of a service {@code ./novasim run}
     * started in {@code novasimHome}); {@code network-cut:<container>} (the container leaves the Docker network
     * and joins it again). A start or end command given replaces the named one's.
     */
    public static Fault of(
            String name,
            String startCommand,
            String endCommand,
            String rabbitmqNode,
            Path novasimHome,
            String dockerNetwork,
            Duration at,
            Duration lasting) {
        FaultAction inject = null;
        FaultAction lift = null;
        if (name.equals("broker-restart")) {
            String ctl = "rabbitmqctl" + (rabbitmqNode == null ? "" : " -n " + rabbitmqNode);
            inject = FaultAction.shell(ctl + " stop_app");
            lift = FaultAction.shell(ctl + " start_app");
        } else if (name.startsWith("kill:")) {
            inject = FaultAction.killService(novasimHome, name.substring("kill:".length()));
        } else if (name.startsWith("network-cut:")) {
            String container = name.substring("network-cut:".length());
            inject = FaultAction.shell("docker network disconnect " + dockerNetwork + " " + container);
            lift = FaultAction.shell("docker network connect " + dockerNetwork + " " + container);
        } else if (!name.equals("none") && !name.equals("custom")) {
            throw new IllegalArgumentException("unknown fault '" + name
                    + "' (one of: none, broker-restart, kill:<service>, network-cut:<container>, custom)");
        }
        if (startCommand != null) {
            inject = FaultAction.shell(startCommand);
        }
        if (endCommand != null) {
            lift = FaultAction.shell(endCommand);
        }
        if (name.equals("custom") && inject == null) {
            throw new IllegalArgumentException("--fault custom needs --fault-start (and maybe --fault-end)");
        }
        return new Fault(name, inject, lift, at, lasting);
    }
}
