package org.novasim.compute.virt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.instance.PowerState;
import org.novasim.compute.FakeDriverProperties;

class FakeDriverTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private FakeDriver driver(FakeDriverProperties properties) {
        return new FakeDriver(
                properties,
                timers,
                RandomGeneratorFactory.of("L64X128MixRandom").create(7));
    }

    private static InstanceInfo instance(String uuid) {
        return new InstanceInfo(
                uuid,
                "vm",
                "p",
                "u",
                new FlavorSpec("1", "t", 1, 512, 1, 0, 0, Map.of()),
                new ImageSpec("img", "cirros", Map.of()),
                null);
    }

    @Test
    void bootsAtOnceWithoutDelay() {
        FakeDriver driver =
                driver(new FakeDriverProperties(Duration.ZERO, null, 0.0, Duration.ZERO, Map.of(), null, null));

        assertThat(driver.spawn("h1", instance("i1"))).isCompleted();
        assertThat(driver.powerState("h1", "i1")).isEqualTo(PowerState.RUNNING);
        assertThat(driver.instanceCount("h1")).isEqualTo(1);

        driver.destroy("h1", "i1");
        assertThat(driver.powerState("h1", "i1")).isEqualTo(PowerState.NOSTATE);
    }

    @Test
    void bootTakesTheConfiguredDelayWithoutHoldingTheCaller() throws Exception {
        FakeDriver driver = driver(
                new FakeDriverProperties(Duration.ofMillis(200), null, 0.0, Duration.ZERO, Map.of(), null, null));
        long start = System.nanoTime();

        CompletableFuture<Void> boot = driver.spawn("h1", instance("i1"));
        assertThat(boot).isNotDone();
        boot.get();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void aHostWithFailureRateOneFailsEveryBootWhileOthersSucceed() {
        FakeDriver driver = driver(new FakeDriverProperties(
                Duration.ZERO,
                null,
                0.0,
                Duration.ZERO,
                Map.of("broken", new FakeDriverProperties.HostBehaviour(null, null, 1.0, null, null)),
                null,
                null));

        for (int i = 0; i < 20; i++) {
            CompletableFuture<Void> boot = driver.spawn("broken", instance("b" + i));
            assertThat(boot).isCompletedExceptionally();
            assertThat(driver.spawn("fine", instance("f" + i))).isCompleted();
        }
        assertThat(driver.instanceCount("broken")).isZero();
        ExecutionException failure = catchThrowableOfType(
                ExecutionException.class,
                () -> driver.spawn("broken", instance("x")).get());
        assertThat(failure.getCause()).isInstanceOf(SpawnFailedException.class);
    }

    @Test
    void failureRateIsAShareOfBoots() {
        FakeDriver driver =
                driver(new FakeDriverProperties(Duration.ZERO, null, 0.3, Duration.ZERO, Map.of(), null, null));

        long failed = IntStream.range(0, 2_000)
                .filter(i -> driver.spawn("h", instance("i" + i)).isCompletedExceptionally())
                .count();

        assertThat(failed).isBetween(500L, 700L);
    }

    @Test
    void stopStartAndRebootChangeThePowerStateAfterThePowerDelay() throws Exception {
        FakeDriver driver = driver(
                new FakeDriverProperties(Duration.ZERO, null, 0.0, Duration.ofMillis(100), Map.of(), null, null));
        driver.spawn("h1", instance("i1")).get();

        CompletableFuture<Void> off = driver.powerOff("h1", "i1");
        assertThat(off).as("a stop takes the power delay").isNotDone();
        off.get();
        assertThat(driver.powerState("h1", "i1")).isEqualTo(PowerState.SHUTDOWN);

        driver.reboot("h1", "i1", true).get();
        assertThat(driver.powerState("h1", "i1"))
                .as("a hard reboot starts a stopped guest")
                .isEqualTo(PowerState.RUNNING);

        driver.powerOff("h1", "i1").get();
        driver.powerOn("h1", "i1").get();
        assertThat(driver.powerState("h1", "i1")).isEqualTo(PowerState.RUNNING);
        assertThat(driver.instanceCount("h1")).isEqualTo(1);
    }

    @Test
    void powerActionsOnAnUnknownInstanceFail() {
        FakeDriver driver =
                driver(new FakeDriverProperties(Duration.ZERO, null, 0.0, Duration.ZERO, Map.of(), null, null));

        ExecutionException failure = catchThrowableOfType(
                ExecutionException.class, () -> driver.powerOff("h1", "ghost").get());

        assertThat(failure.getCause()).isInstanceOf(VmNotFoundException.class).hasMessageContaining("ghost");
        assertThat(driver.powerState("h1", "ghost")).isEqualTo(PowerState.NOSTATE);
    }

    @Test
    void aPerHostPowerDelayOverridesTheGlobalOne() {
        FakeDriverProperties properties = new FakeDriverProperties(
                Duration.ZERO,
                null,
                0.0,
                Duration.ofSeconds(5),
                Map.of("quick", new FakeDriverProperties.HostBehaviour(null, null, null, Duration.ZERO, null)),
                null,
                null);

        assertThat(properties.behaviourOf("quick").powerDelay()).isZero();
        assertThat(properties.behaviourOf("other").powerDelay()).isEqualTo(Duration.ofSeconds(5));
    }
}
