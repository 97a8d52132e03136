package dev.ciamkit.risk.signal.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.SignalResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.ClientModel;
import org.keycloak.sessions.AuthenticationSessionModel;

class TransactionSignalTest {

    private static final String PREFIX = "client_request_param_";
    private static final Map<String, String> CONFIG = Map.of(
            TransactionConfig.THRESHOLDS, "web-banking=1000000##fx-app=500 USD##broken=abc",
            TransactionConfig.DEFAULT_THRESHOLD, "300000");

    private final TransactionSignal signal = new TransactionSignal();

    private static AuthenticationSessionModel auth(String clientId) {
        AuthenticationSessionModel auth = mock(AuthenticationSessionModel.class);
        ClientModel client = mock(ClientModel.class);
        given(client.getClientId()).willReturn(clientId);
        given(auth.getClient()).willReturn(client);
        return auth;
    }

    private static AuthenticationSessionModel recorded(String clientId, String note) {
        AuthenticationSessionModel auth = auth(clientId);
        given(auth.getClientNote(TransactionRecorder.NOTE)).willReturn(note);
        return auth;
    }

    private SignalResult evaluate(AuthenticationSessionModel auth) {
        return signal.evaluate(new RiskInput(
                null, null, null, RiskPhase.LOGIN, "192.0.2.1", "", null, auth, null, CONFIG, Instant.now()));
    }

    @Test
    void no_auth_session_is_no_transaction_and_no_evidence() {
        SignalResult result = evaluate(null);
        assertThat(result.state()).isEqualTo(SignalResult.State.CLEAR);
        assertThat(result.evidence()).isFalse();
        assertThat(result.reason()).isEqualTo(TransactionSignal.NONE);
    }

    @Test
    void a_login_without_a_transaction_is_neither_risky_nor_evidence() {
        SignalResult result = evaluate(auth("web-banking"));
        assertThat(result.state()).isEqualTo(SignalResult.State.CLEAR);
        assertThat(result.evidence()).isFalse();
    }

    @Nested
    class Verified {

        @ParameterizedTest
        @CsvSource({
            "web-banking, par|999999.99|KRW||, CLEAR, transaction_under_threshold, 0",
            "web-banking, par|1000000|KRW||, FIRED, transaction_over_threshold, 30",
            "web-banking, signed_request_object|5000000|KRW|transfer|, FIRED, transaction_over_threshold, 30",
            "web-banking, par|10000000|KRW||, FIRED, transaction_high_value, 55",
            "fx-app, par|499|USD||, CLEAR, transaction_under_threshold, 0",
            "fx-app, par|500|USD||, FIRED, transaction_over_threshold, 30",
            "fx-app, par|1|KRW||, FIRED, transaction_currency_mismatch, 30",
            "other, par|299999|KRW||, CLEAR, transaction_under_threshold, 0",
            "other, par|300000|KRW||, FIRED, transaction_over_threshold, 30",
            "broken, par|300000|KRW||, FIRED, transaction_over_threshold, 30",
            "web-banking, par||||bad_amount, FIRED, bad_amount, 10"
        })
        void against_the_clients_threshold(
                String client, String note, SignalResult.State state, String reason, int points) {
            SignalResult result = evaluate(recorded(client, note));
            assertThat(result.state()).isEqualTo(state);
            assertThat(result.reason()).isEqualTo(reason);
            assertThat(result.points()).isEqualTo(points);
            assertThat(result.evidence()).isFalse();
            assertThat(result.decisive()).isFalse();
        }
    }

    @Nested
    class Unverified {

        @ParameterizedTest
        @ValueSource(strings = {"1", "999999", "50000000"})
        void query_parameters_are_unverified_whatever_the_amount(String amount) {
            AuthenticationSessionModel auth = auth("web-banking");
            given(auth.getClientNote(PREFIX + TransactionParser.AMOUNT)).willReturn(amount);
            SignalResult result = evaluate(auth);
            assertThat(result.state()).isEqualTo(SignalResult.State.FIRED);
            assertThat(result.reason()).isEqualTo(TransactionSignal.UNVERIFIED);
            assertThat(result.points()).isEqualTo(TransactionConfig.DEFAULT_UNVERIFIED_POINTS);
            assertThat(result.evidence()).isFalse();
        }

        @Test
        void a_recorded_unverified_claim_is_unverified() {
            SignalResult result = evaluate(recorded("web-banking", "unverified|1|KRW||"));
            assertThat(result.reason()).isEqualTo(TransactionSignal.UNVERIFIED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "1e9", "NaN", "１２", "0x10", "1,000"})
        void bad_query_amounts_are_bad_amount_and_unverified(String amount) {
            AuthenticationSessionModel auth = auth("web-banking");
            given(auth.getClientNote(PREFIX + TransactionParser.AMOUNT)).willReturn(amount);
            SignalResult result = evaluate(auth);
            assertThat(result.state()).isEqualTo(SignalResult.State.FIRED);
            assertThat(result.reason()).isEqualTo(TransactionClaim.BAD_AMOUNT);
        }

        @Test
        void a_forged_note_in_a_query_parameter_is_still_unverified() {
            // a client_request_param_ note can never have the recorder's name: at most it holds our encoding as text
            AuthenticationSessionModel auth = auth("web-banking");
            given(auth.getClientNote(PREFIX + TransactionRecorder.NOTE)).willReturn("par|1|KRW||");
            given(auth.getClientNote(PREFIX + TransactionParser.AMOUNT)).willReturn("5000000");
            assertThat(evaluate(auth).reason()).isEqualTo(TransactionSignal.UNVERIFIED);
        }
    }

    @Test
    void the_points_are_configurable_and_bounded() {
        Map<String, String> config = Map.of(
                TransactionConfig.UNVERIFIED_POINTS, "0",
                TransactionConfig.OVER_POINTS, "500",
                TransactionConfig.DEFAULT_THRESHOLD, "-3");
        TransactionConfig read = TransactionConfig.read(config);
        assertThat(read.unverifiedPoints()).isZero();
        assertThat(read.overPoints()).isEqualTo(TransactionConfig.DEFAULT_OVER_POINTS);
        assertThat(read.defaultThreshold().amount()).isEqualByComparingTo("1000000");
    }
}
