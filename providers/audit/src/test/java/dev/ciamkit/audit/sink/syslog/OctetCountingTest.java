package dev.ciamkit.audit.sink.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OctetCountingTest {

    @Test
    void counts_bytes_not_characters() {
        byte[] message = "<86>1 - - - - - - \uD83D\uDE00é\u202E".getBytes(StandardCharsets.UTF_8);

        byte[] frame = OctetCounting.frame(message);

        assertThat(new String(frame, StandardCharsets.UTF_8)).startsWith(message.length + " <86>1");
        assertThat(message.length).isEqualTo(18 + 4 + 2 + 3);
        assertThat(frame).hasSize(Integer.toString(message.length).length() + 1 + message.length);
    }

    @Test
    void writes_frames_back_to_back() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        OctetCounting.write(out, "ab".getBytes(StandardCharsets.UTF_8));
        OctetCounting.write(out, "c\nd".getBytes(StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2 ab3 c\nd");
    }

    @Test
    void refuses_an_empty_message() {
        assertThatThrownBy(() -> OctetCounting.frame(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
