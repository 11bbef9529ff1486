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
 * configured rate; stops, starts and reboots take the power delay. Delays are timers, not sleeping threads.
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
        return changePower(host, instanceUuid, PowerState.SHUTDOWN);
    }

    @Override
    public CompletableFuture<Void> powerOn(String host, String instanceUuid) {
        return changePower(host, instanceUuid, PowerState.RUNNING);
    }

    @Override
    public CompletableFuture<Void> reboot(String host, String instanceUuid, boolean hard) {
        // A soft reboot of a guest that is not running falls back to a hard one, as libvirt's driver does.
        return changePower(host, instanceUuid, PowerState.RUNNING);
    }

    /** After the host's power delay, the VM is in the new state; a VM the host does not have is an error. */
    private CompletableFuture<Void> changePower(String host, String instanceUuid, PowerState target) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!vms(host).containsKey(instanceUuid)) {
            done.completeExceptionally(new VmNotFoundException(instanceUuid, host));
            return done;
        }
        after(properties.behaviourOf(host).powerDelay().toMillis(), () -> {
            if (vms(host).replace(instanceUuid, target) == null) {
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
