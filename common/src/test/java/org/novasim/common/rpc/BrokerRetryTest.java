package org.novasim.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What is sent again (the broker away), what is not (the receiver's answer), and until when. */
class BrokerRetryTest {

    private static final RpcMethod<String, Void> NOTE = RpcMethod.cast("t", "note", "1.0", String.class);
    private final BrokerRetry retry =
            new BrokerRetry(Duration.ofMillis(1), Duration.ofMillis(4), RpcObservations.none());
    private final AtomicInteger attempts = new AtomicInteger();

    private long in(Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }

    @Test
    void aBrokerThatComesBackBeforeTheDeadlineTakesTheMessage() {
        String result = retry.until(in(Duration.ofSeconds(30)), NOTE, () -> {
            if (attempts.incrementAndGet() < 4) {
                throw new BrokerUnavailableException("connection refused");
            }
            return "sent";
        });

        assertThat(result).isEqualTo("sent");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void theReceiversAnswerIsNotSentAgain() {
        assertThatThrownBy(() -> retry.until(in(Duration.ofSeconds(30)), NOTE, () -> {
                    attempts.incrementAndGet();
                    throw new UndeliverableException("no server listens on t.x");
                }))
                .isInstanceOf(UndeliverableException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void afterTheDeadlineTheCallerGetsTheLastFailure() {
        assertThatThrownBy(() -> retry.until(in(Duration.ofMillis(50)), NOTE, () -> {
                    throw new BrokerUnavailableException("try " + attempts.incrementAndGet());
                }))
                .isInstanceOf(BrokerUnavailableException.class)
                .as("the last of however many tries fitted in")
                .hasMessage("try " + attempts.get());
    }

    @Test
    void aDeadlineThatHasPassedStillGetsOneTry() {
        assertThat(retry.<String>until(in(Duration.ofMillis(-1)), NOTE, () -> "sent"))
                .isEqualTo("sent");
    }
}
