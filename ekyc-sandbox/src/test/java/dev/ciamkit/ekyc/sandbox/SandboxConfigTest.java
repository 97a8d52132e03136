package dev.ciamkit.ekyc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxConfigTest {

    @Test
    void an_operation_inherits_what_it_does_not_override() {
        SandboxConfig config = SandboxConfig.defaults()
                .withLatency(100)
                .with(SandboxOperation.OCR, new Behaviour(2000L, null, 500, null));

        assertThat(config.effective(SandboxOperation.OCR)).isEqualTo(new SandboxConfig.Effective(2000, 0, 500, false));
        assertThat(config.effective(SandboxOperation.FACE)).isEqualTo(new SandboxConfig.Effective(100, 0, 503, false));
    }

    @Test
    void the_json_of_the_admin_endpoint_reads_into_the_record() throws Exception {
        SandboxConfig config = AdminRoutes.CONFIG_JSON.readValue(
                "{\"latencyMs\":50,\"methods\":{\"transfer\":{\"failureRate\":1.0,\"failStatus\":500}},"
                        + "\"unmarked\":\"HONG\"}",
                SandboxConfig.class);

        assertThat(config.latencyMs()).isEqualTo(50);
        assertThat(config.failStatus()).as("default").isEqualTo(503);
        assertThat(config.unmarked()).isEqualTo("hong");
        assertThat(config.effective(SandboxOperation.TRANSFER).failureRate()).isEqualTo(1.0);
        assertThat(config.effective(SandboxOperation.TRANSFER).failStatus()).isEqualTo(500);
    }

    @Test
    void values_out_of_range_and_unknown_names_are_refused() {
        assertThatThrownBy(() -> new SandboxConfig(-1, 0, 503, false, Map.of(), null))
                .hasMessageContaining("latencyMs");
        assertThatThrownBy(() -> new SandboxConfig(0, 1.5, 503, false, Map.of(), null))
                .hasMessageContaining("failureRate");
        assertThatThrownBy(() -> new SandboxConfig(0, 0, 302, false, Map.of(), null))
                .hasMessageContaining("failStatus");
        assertThatThrownBy(() -> new SandboxConfig(0, 0, 503, false, Map.of("selfie", Behaviour.inherit()), null))
                .hasMessageContaining("unknown method");
        assertThatThrownBy(() -> new SandboxConfig(0, 0, 503, false, Map.of(), "nobody"))
                .hasMessageContaining("unmarked");
    }

    @Test
    void the_command_line_gives_the_same_settings() {
        SandboxConfig config = SandboxMain.config(SandboxMain.options(new String[] {
            "--latency-ms", "20", "--latency-ms.face=1500", "--failure-rate.ocr", "0.5", "--fail-status", "502"
        }));

        assertThat(config.effective(SandboxOperation.FACE).latencyMs()).isEqualTo(1500);
        assertThat(config.effective(SandboxOperation.OCR)).isEqualTo(new SandboxConfig.Effective(20, 0.5, 502, false));
    }

    @Test
    void the_command_line_refuses_what_it_does_not_know() {
        assertThatThrownBy(() -> SandboxMain.options(new String[] {"--latency", "5"}))
                .hasMessageContaining("unknown option --latency");
        assertThatThrownBy(() -> SandboxMain.options(new String[] {"--port"})).hasMessageContaining("needs a value");
    }
}
