package org.novasim.compute.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class BuildLimiterTest {

    private final List<Runnable> started = new ArrayList<>();
    private final Executor recording = started::add;

    @Test
    void runsUpToThePermitsAndQueuesTheRestInOrder() {
        BuildLimiter limiter = new BuildLimiter(2, recording);
        Runnable a = () -> {};
        Runnable b = () -> {};
        Runnable c = () -> {};
        Runnable d = () -> {};

        limiter.submit(a);
        limiter.submit(b);
        limiter.submit(c);
        limiter.submit(d);

        assertThat(started).containsExactly(a, b);
        assertThat(limiter.running()).isEqualTo(2);
        assertThat(limiter.waiting()).isEqualTo(2);

        limiter.release();
        assertThat(started).containsExactly(a, b, c);
        limiter.release();
        limiter.release();
        limiter.release();
        assertThat(started).containsExactly(a, b, c, d);
        assertThat(limiter.running()).isZero();
        assertThat(limiter.waiting()).isZero();
    }
}
