package org.novasim.compute.virt;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.instance.PowerState;
import org.novasim.compute.FakeDriverProperties;

/**
 * A hypervisor that only pretends (Nova's virt/fake.py): a boot takes the configured delay and fails at the
 * configured rate; every other operation (stop, start, reboot, pause, suspend, rescue, snapshot, the halves of a
 * migration) takes the power delay and fails when it is one of the host's failing operations, named as Nova's virt
 * driver methods are. Delays are timers, not sleeping threads.
 */
public final class FakeDriver implements HypervisorDriver {

    private final FakeDriverProperties properties;
    private final ScheduledExecutorService timers;
    private final RandomGenerator random;
    private final Map<String, Map<String, PowerState>> vmsByHost = new ConcurrentHashMap<>();

    public FakeDriver(FakeDriverProperties properties, ScheduledExecutorService timers, RandomGenerator random) {
        this.properties = properties;
        this.timers = timers;
        this.random = random;
    }

    @Override
    public CompletableFuture<Void> spawn(String host, InstanceInfo instance) {
        FakeDriverProperties.Behaviour behaviour = properties.behaviourOf(host);
        boolean fails;
        long delayMillis;
        synchronized (random) {
            fails = behaviour.failureRate() > 0.0 && random.nextDouble() < behaviour.failureRate();
            delayMillis = delayMillis(behaviour);
        }
        CompletableFuture<Void> booted = new CompletableFuture<>();
        after(delayMillis, () -> {
            if (fails) {
                booted.completeExceptionally(new SpawnFailedException(
                        "Simulated hypervisor failure spawning instance " + instance.uuid() + " on " + host));
            } else {
                vms(host).put(instance.uuid(), PowerState.RUNNING);
                booted.complete(null);
            }
        });
        return booted;
    }

    @Override
    public CompletableFuture<Void> powerOff(String host, String instanceUuid) {
        return changePower(host, instanceUuid, PowerState.SHUTDOWN, "power_off");
    }

    @Override
    public CompletableFuture<Void> powerOn(String host, String instanceUuid) {
        return changePower(host, instanceUuid, PowerState.RUNNING, "power_on");
    }

    @Override
    public CompletableFuture<Void> reboot(String host, String instanceUuid, boolean hard) {
        // A soft reboot of a guest that is not running falls back to a hard one, as libvirt's driver does.
        return changePower(host, instanceUuid, PowerState.RUNNING, "reboot");
    }

    @Override
    public CompletableFuture<Void> pause(String host, String instanceUuid) {
        return changePower(host, instanceUuid, PowerState.PAUSED, "pause");
    }

    @Override
    public CompletableFuture<Void> unpause(String host, String instanceUuid) {
        return changePower(host, instanceUuid, PowerState.RUNNING, "unpause");
    }

    @Override
    public CompletableFuture<Void> suspend(String host, String instanceUuid) {
        return changePower(host, instanceUuid, PowerState.SUSPENDED, "suspend");
    }

    @Override
    public CompletableFuture<Void> resume(String host, String instanceUuid) {
        return changePower(host, instanceUuid, PowerState.RUNNING, "resume");
    }

    @Override
    public CompletableFuture<Void> rescue(String host, String instanceUuid) {
        return changePower(host, instanceUuid, PowerState.RUNNING, "rescue");
    }

    @Override
    public CompletableFuture<Void> unrescue(String host, String instanceUuid) {
        return changePower(host, instanceUuid, PowerState.RUNNING, "unrescue");
    }

    @Override
    public CompletableFuture<Void> setAdminPassword(String host, String instanceUuid) {
        return changePower(host, instanceUuid, null, "set_admin_password");
    }

    @Override
    public CompletableFuture<Void> snapshot(String host, String instanceUuid) {
        return changePower(host, instanceUuid, null, "snapshot");
    }

    @Override
    public CompletableFuture<Void> rebuild(String host, InstanceInfo instance) {
        if (properties.behaviourOf(host).failingOperations().contains("rebuild")) {
            return changePower(host, instance.uuid(), null, "rebuild");
        }
        vms(host).remove(instance.uuid());
        return spawn(host, instance);
    }

    @Override
    public CompletableFuture<Void> migrateDiskAndPowerOff(String host, String instanceUuid) {
        return changePower(host, instanceUuid, PowerState.SHUTDOWN, "migrate_disk_and_power_off");
    }

    @Override
    public CompletableFuture<Void> finishMigration(String host, InstanceInfo instance, boolean powerOn) {
        vms(host).putIfAbsent(instance.uuid(), PowerState.SHUTDOWN);
        return changePower(
                host, instance.uuid(), powerOn ? PowerState.RUNNING : PowerState.SHUTDOWN, "finish_migration");
    }

    @Override
    public CompletableFuture<Void> finishRevertMigration(String host, String instanceUuid, boolean powerOn) {
        return changePower(
                host, instanceUuid, powerOn ? PowerState.RUNNING : PowerState.SHUTDOWN, "finish_revert_migration");
    }

    @Override
    public String consoleOutput(String host, String instanceUuid) {
        if (!vms(host).containsKey(instanceUuid)) {
            throw new VmNotFoundException(instanceUuid, host);
        }
        // What Nova's fake driver prints, so tools that read the log find what they find there.
        return "FAKE CONSOLE OUTPUT\nANOTHER\nLAST LINE";
    }

    /**
     * After the host's power delay, the VM is in the new state (null: as it was); a VM the host does not have is an
     * error, and so is an operation the host is told to fail (the VM then stays as it was).
     */
    private CompletableFuture<Void> changePower(String host, String instanceUuid, PowerState target, String operation) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!vms(host).containsKey(instanceUuid)) {
            done.completeExceptionally(new VmNotFoundException(instanceUuid, host));
            return done;
        }
        FakeDriverProperties.Behaviour behaviour = properties.behaviourOf(host);
        after(behaviour.powerDelay().toMillis(), () -> {
            if (behaviour.failingOperations().contains(operation)) {
                done.completeExceptionally(new OperationFailedException(operation, instanceUuid, host));
            } else if ((target == null ? vms(host).get(instanceUuid) : vms(host).replace(instanceUuid, target))
                    == null) {
                done.completeExceptionally(new VmNotFoundException(instanceUuid, host));
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    private void after(long delayMillis, Runnable work) {
        if (delayMillis <= 0) {
            work.run();
        } else {
            timers.schedule(work, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private long delayMillis(FakeDriverProperties.Behaviour behaviour) {
        long min = behaviour.spawnDelay().toMillis();
        if (behaviour.spawnDelayMax() == null) {
            return min;
        }
        long max = behaviour.spawnDelayMax().toMillis();
        return max > min ? min + random.nextLong(max - min + 1) : min;
    }

    @Override
    public void destroy(String host, String instanceUuid) {
        vms(host).remove(instanceUuid);
    }

    @Override
    public void adopt(String host, String instanceUuid, PowerState powerState) {
        vms(host).putIfAbsent(instanceUuid, powerState);
    }

    @Override
    public PowerState powerState(String host, String instanceUuid) {
        return vms(host).getOrDefault(instanceUuid, PowerState.NOSTATE);
    }

    @Override
    public int instanceCount(String host) {
        Map<String, PowerState> vms = vmsByHost.get(host);
        return vms == null ? 0 : vms.size();
    }

    private Map<String, PowerState> vms(String host) {
        return vmsByHost.computeIfAbsent(host, h -> new ConcurrentHashMap<>());
    }
}
