package dev.ciamkit.bench.ekyc;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class VendorMetricsTest {

    private static final String BEFORE = """
            # HELP ciamkit_ekyc_vendor_call_seconds eKYC vendor calls
            # TYPE ciamkit_ekyc_vendor_call_seconds histogram
            ciamkit_ekyc_vendor_call_seconds_bucket{method="id_ocr",outcome="passed",vendor="http",le="0.005"} 0
            ciamkit_ekyc_vendor_call_seconds_count{method="id_ocr",outcome="passed",vendor="http"} 10
            ciamkit_ekyc_vendor_call_seconds_sum{method="id_ocr",outcome="passed",vendor="http"} 0.1
            ciamkit_factor_attempts_total{factor="ekyc",outcome="success"} 10
            """;

    private static final String AFTER = """
            ciamkit_ekyc_vendor_call_seconds_count{method="id_ocr",outcome="passed",vendor="http"} 20
            ciamkit_ekyc_vendor_call_seconds_sum{method="id_ocr",outcome="passed",vendor="http"} 0.3
            ciamkit_ekyc_vendor_call_seconds_count{method="id_ocr",outcome="input_rejected",vendor="http"} 10
            ciamkit_ekyc_vendor_call_seconds_sum{method="id_ocr",outcome="input_rejected",vendor="http"} 0.1
            ciamkit_ekyc_vendor_call_seconds_count{method="face_match",outcome="passed",vendor="http"} 4
            ciamkit_ekyc_vendor_call_seconds_sum{method="face_match",outcome="passed",vendor="http"} 8.04
            """;

    @Test
    void means_are_per_method_over_every_outcome_between_two_readings() {
        var means = VendorMetrics.parse(AFTER).meanMillisSince(VendorMetrics.parse(BEFORE));

        assertThat(means.get("id_ocr")).as("0.3 s over 20 calls since").isCloseTo(15.0, Offset.offset(1e-9));
        assertThat(means.get("face_match")).isCloseTo(2010.0, Offset.offset(1e-9));
    }

    @Test
    void a_method_without_new_calls_has_no_mean() {
        var means = VendorMetrics.parse(BEFORE).meanMillisSince(VendorMetrics.parse(BEFORE));

        assertThat(means).isEmpty();
    }
}
