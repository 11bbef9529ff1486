package org.novasim.api.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.novasim.api.web.ApiException;

class RegexFilterTest {

    @Test
    void findsAsJavasRegularExpressionsDo() {
        RegexFilter filter = RegexFilter.of("name", "^web-[0-9]+$", 1_000);

        assertThat(filter.find("web-12")).isTrue();
        assertThat(filter.find("db-1")).isFalse();
    }

    @Test
    @Timeout(10)
    void aPatternThatBacktracksForeverIsRefusedOnceItsBudgetIsSpent() {
        // Seconds of backtracking on Java 17 without a budget (its matcher memoizes simpler cases such as (a+)+$).
        RegexFilter filter = RegexFilter.of("name", "(.*a){25}", 100_000);

        assertThatThrownBy(() -> filter.find("a".repeat(24) + "b".repeat(10)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("name")
                .hasMessageContaining("too costly");
    }

    @Test
    void theBudgetIsTheRequestsNotEachMatchs() {
        RegexFilter filter = RegexFilter.of("ip", "10\\.0\\.", 50);
        int matched = 0;
        try {
            for (int i = 0; i < 100; i++) {
                if (filter.find("10.0.0." + i)) {
                    matched++;
                }
            }
        } catch (ApiException spent) {
            assertThat(spent.getMessage()).contains("ip");
        }
        assertThat(matched).isLessThan(100);
    }

    @Test
    void refusesLongAndInvalidPatterns() {
        assertThatThrownBy(() -> RegexFilter.of("name", "a".repeat(256), 1_000))
                .hasMessageContaining("longer than 255");
        assertThatThrownBy(() -> RegexFilter.of("name", "(unclosed", 1_000))
                .hasMessageContaining("Invalid regular expression in name");
    }
}
