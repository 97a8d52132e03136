package dev.ciamkit.bench.ekyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentiles_are_nearest_rank_values_that_were_measured() {
        List<Double> samples = new ArrayList<>(
                IntStream.rangeClosed(1, 200).mapToObj(i -> (double) i).toList());
        Collections.shuffle(samples, new java.util.Random(3));

        Percentiles p = Percentiles.of(samples);

        assertThat(p.count()).isEqualTo(200);
        assertThat(p.p50()).isEqualTo(100.0);
        assertThat(p.p95()).isEqualTo(190.0);
        assertThat(p.p99()).as("the second largest of 200").isEqualTo(198.0);
        assertThat(p.max()).isEqualTo(200.0);
        assertThat(p.mean()).isCloseTo(100.5, Offset.offset(1e-9));
    }

    @Test
    void few_samples_give_the_largest_as_the_high_percentiles() {
        Percentiles p = Percentiles.of(List.of(5.0, 1.0, 3.0));

        assertThat(p.p50()).isEqualTo(3.0);
        assertThat(p.p95()).isEqualTo(5.0);
        assertThat(p.p99()).isEqualTo(5.0);
    }

    @Test
    void one_sample_is_every_percentile() {
        Percentiles p = Percentiles.of(List.of(7.5));

        assertThat(p.p50()).isEqualTo(7.5);
        assertThat(p.p99()).isEqualTo(7.5);
        assertThat(p.max()).isEqualTo(7.5);
    }

    @Test
    void no_samples_is_a_count_of_zero_and_no_values() {
        Percentiles p = Percentiles.of(List.of());

        assertThat(p.count()).isZero();
        assertThat(p.p99()).isNaN();
        assertThat(EkycReport.fmt(p.p99())).isEqualTo("n/a");
    }

    @Test
    void the_sandbox_latency_is_taken_off_each_sample() {
        assertThat(Percentiles.minus(List.of(2012.5, 2003.0), 2000)).containsExactly(12.5, 3.0);
    }
}
