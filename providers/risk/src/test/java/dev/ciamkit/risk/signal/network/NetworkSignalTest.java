package dev.ciamkit.risk.signal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.SignalResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkSignalTest {

    private final NetworkSignalFactory factory = new NetworkSignalFactory();
    private final NetworkSignal signal = new NetworkSignal(factory);

    private static RiskInput from(String address, Map<String, String> config) {
        return new RiskInput(null, null, null, RiskPhase.LOGIN, address, "", null, null, null, config, Instant.now());
    }

    @ParameterizedTest
    @CsvSource({
        "203.0.113.7, FIRED, deny_listed",
        "203.0.114.7, CLEAR, not_listed",
        "198.51.100.20, CLEAR, allow_listed",
        "2001:db8:1::5, FIRED, deny_listed",
        "::ffff:203.0.113.9, FIRED, deny_listed"
    })
    void deny_wins_and_allow_is_evidence(String address, SignalResult.State state, String reason) {
        Map<String, String> config = Map.of(
                NetworkSignalFactory.DENY, "203.0.113.0/24##2001:db8:1::/48",
                NetworkSignalFactory.ALLOW, "198.51.100.0/24, 203.0.113.0/24");
        SignalResult result = signal.evaluate(from(address, config));
        assertThat(result.state()).isEqualTo(state);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.evidence()).isEqualTo(reason.equals("allow_listed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-address", "999.1.1.1", "1.2.3.4, 5.6.7.8", "localhost"})
    void hostile_or_malformed_addresses_are_unknown_not_an_exception(String address) {
        assertThat(signal.evaluate(from(address, Map.of())).state()).isEqualTo(SignalResult.State.UNKNOWN);
        assertThat(signal.evaluate(from("x".repeat(10_000), Map.of())).state()).isEqualTo(SignalResult.State.UNKNOWN);
    }

    @Test
    void a_bad_entry_in_the_list_is_skipped_and_the_rest_still_holds() {
        AddressList list = AddressList.of(List.of("203.0.113.0/33", "garbage", "203.0.113.0/24"));
        assertThat(list.skipped()).isEqualTo(2);
        assertThat(list.contains(Cidr.address("203.0.113.99").orElseThrow())).isTrue();
    }

    @Test
    void tor_exit_list_format_is_read(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("exits.txt");
        Files.writeString(file, """
                ExitNode 0011BD2485AD45D984EC4159C88FC066E5E3300E
                Published 2026-11-24 12:00:00
                LastStatus 2026-11-24 13:00:00
                ExitAddress 192.0.2.66 2026-11-24 13:10:00
                # a comment
                198.51.100.0/28
                """);
        AddressList bad = AddressList.read(file);
        assertThat(bad.size()).isEqualTo(2);
        assertThat(bad.contains(Cidr.address("192.0.2.66").orElseThrow())).isTrue();
        assertThat(bad.contains(Cidr.address("198.51.100.15").orElseThrow())).isTrue();
        assertThat(bad.contains(Cidr.address("198.51.100.16").orElseThrow())).isFalse();
    }

    @Test
    void cidr_prefixes_mask_the_right_bits() {
        Cidr network = Cidr.parse("10.1.2.3/15").orElseThrow();
        assertThat(network.contains(Cidr.address("10.0.255.255").orElseThrow())).isTrue();
        assertThat(network.contains(Cidr.address("10.2.0.0").orElseThrow())).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0")
                        .orElseThrow()
                        .contains(Cidr.address("8.8.8.8").orElseThrow()))
                .isTrue();
        assertThat(Cidr.parse("::/0")
                        .orElseThrow()
                        .contains(Cidr.address("8.8.8.8").orElseThrow()))
                .as("families never mix")
                .isFalse();
    }
}
