package org.novasim.common.rpc;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Sends again what the broker could not take ({@link BrokerUnavailableException}), with exponential backoff, until
 * the operation's deadline: a broker restart of a few seconds costs a caller a few seconds, not its work. Any other
 * failure (the receiver's answer, an unroutable message, a call nobody answered in time) goes to the caller at once.
 * Spring Framework's core retry does the waiting; this class only says what is retried and for how long.
 */
final class BrokerRetry {

    private static final Logger log = LoggerFactory.getLogger(BrokerRetry.class);

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final RpcObservations observations;

    BrokerRetry(Duration initialDelay, Duration maxDelay, RpcObservations observations) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.observations = observations;
    }

    /**
     * Runs the attempt, and again while it fails with {@link BrokerUnavailableException} and the next try can still
     * start before {@code deadline} (a {@link System#nanoTime()} value); the last failure goes to the caller.
     */
    <T> T until(long deadline, RpcMethod<?, ?> method, Supplier<T> attempt) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return attempt.get();
        }
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(Long.MAX_VALUE)
                .delay(initialDelay)
                .multiplier(2)
                .maxDelay(maxDelay)
                .timeout(Duration.ofNanos(left))
                .predicate(failure -> failure instanceof BrokerUnavailableException)
                .build();
        RetryTemplate template = new RetryTemplate(policy);
        return template.invoke(() -> {
            try {
                return attempt.get();
            } catch (BrokerUnavailableException e) {
                log.debug(
                        "{}: {}; trying again for up to {} ms",
                        method.name(),
                        e.getMessage(),
                        remainingMillis(deadline));
                observations.brokerUnavailable(method);
                throw e;
            }
        });
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    }
}
