package org.novasim.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOverAHundredValues() {
        double[] values =
                IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray(); // unsorted

        Percentiles p = Percentiles.of(values);

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p90()).isEqualTo(90);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.mean()).isEqualTo(50.5);
    }

    @Test
    void stepsNotReachedAreLeftOut() {
        Percentiles p = Percentiles.of(new double[] {Double.NaN, 3, Double.NaN, 1, 2});

        assertThat(p.count()).isEqualTo(3);
        assertThat(p.p50()).isEqualTo(2);
        assertThat(p.p99()).isEqualTo(3);
    }

    @Test
    void nothingMeasuredIsEmpty() {
        assertThat(Percentiles.of(new double[] {Double.NaN})).isEqualTo(Percentiles.EMPTY);
    }
}
