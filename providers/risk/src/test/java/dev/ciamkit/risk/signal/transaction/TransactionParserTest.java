package dev.ciamkit.risk.signal.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionParserTest {

    private static Optional<TransactionClaim> parse(Map<String, String> params) {
        return TransactionParser.parse(params::get, TransactionClaim.Source.PAR);
    }

    @Nested
    class Parameters {

        @Test
        void no_parameters_is_no_transaction() {
            assertThat(parse(Map.of("scope", "openid"))).isEmpty();
        }

        @Test
        void reads_amount_currency_and_type() {
            TransactionClaim claim = parse(Map.of(
                            TransactionParser.AMOUNT, "1500000.50",
                            TransactionParser.CURRENCY, "usd",
                            TransactionParser.TYPE, "wire_transfer"))
                    .orElseThrow();
            assertThat(claim.problem()).isNull();
            assertThat(claim.amount()).isEqualByComparingTo("1500000.50");
            assertThat(claim.currency().getCurrencyCode()).isEqualTo("USD");
            assertThat(claim.type()).isEqualTo("wire_transfer");
            assertThat(claim.verified()).isTrue();
        }

        @Test
        void currency_defaults_to_krw() {
            TransactionClaim claim =
                    parse(Map.of(TransactionParser.AMOUNT, "12")).orElseThrow();
            assertThat(claim.currency().getCurrencyCode()).isEqualTo("KRW");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "-1",
                    "0",
                    "0.00",
                    "1e9",
                    "1E9",
                    "NaN",
                    "Infinity",
                    "１２",
                    "0x10",
                    "1,000",
                    "1.234",
                    "+5",
                    ".5",
                    "5.",
                    "",
                    " ",
                    "12 34",
                    "1_000",
                    "٣",
                    "9999999999999999999",
                    "1.0E9"
                })
        void bad_amounts_are_reported_not_thrown(String amount) {
            TransactionClaim claim =
                    parse(Map.of(TransactionParser.AMOUNT, amount)).orElseThrow();
            assertThat(claim.problem()).isEqualTo(TransactionClaim.BAD_AMOUNT);
            assertThat(claim.amount()).isNull();
        }

        @Test
        void a_ten_kilobyte_amount_is_a_bad_amount() {
            assertThat(parse(Map.of(TransactionParser.AMOUNT, "1".repeat(10_240)))
                            .orElseThrow()
                            .problem())
                    .isEqualTo(TransactionClaim.BAD_AMOUNT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"XXX1", "US", "ZZZ", "원", "K R W", "<script>"})
        void junk_currencies_are_bad_currency(String currency) {
            TransactionClaim claim = parse(
                            Map.of(TransactionParser.AMOUNT, "100", TransactionParser.CURRENCY, currency))
                    .orElseThrow();
            assertThat(claim.problem()).isEqualTo(TransactionClaim.BAD_CURRENCY);
        }

        @Test
        void a_junk_type_is_bad_type() {
            Map<String, String> params = new HashMap<>();
            params.put(TransactionParser.AMOUNT, "100");
            params.put(TransactionParser.TYPE, "Wire Transfer; drop");
            assertThat(parse(params).orElseThrow().problem()).isEqualTo(TransactionClaim.BAD_TYPE);
            params.put(TransactionParser.TYPE, "x".repeat(33));
            assertThat(parse(params).orElseThrow().problem()).isEqualTo(TransactionClaim.BAD_TYPE);
        }
    }

    @Nested
    class AuthorizationDetails {

        private Optional<TransactionClaim> details(String json) {
            return parse(Map.of(TransactionParser.AUTHORIZATION_DETAILS, json));
        }

        @Test
        void reads_a_ciamkit_transaction_entry() {
            TransactionClaim claim = details(
                            "[{\"type\":\"ciamkit_transaction\",\"amount\":\"2500000\",\"currency\":\"KRW\","
                                    + "\"transaction_type\":\"transfer\"}]")
                    .orElseThrow();
            assertThat(claim.problem()).isNull();
            assertThat(claim.amount()).isEqualByComparingTo(new BigDecimal("2500000"));
            assertThat(claim.type()).isEqualTo("transfer");
        }

        @Test
        void reads_a_payment_initiation_entry_with_a_numeric_amount() {
            TransactionClaim claim = details("[{\"type\":\"openid_credential\"},{\"type\":\"payment_initiation\","
                            + "\"instructedAmount\":{\"amount\":123.45,\"currency\":\"EUR\"}}]")
                    .orElseThrow();
            assertThat(claim.amount()).isEqualByComparingTo("123.45");
            assertThat(claim.currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(claim.type()).isEqualTo("payment_initiation");
        }

        @Test
        void other_types_only_is_no_transaction() {
            assertThat(details("[{\"type\":\"openid_credential\"}]")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "not json",
                    "{\"type\":\"ciamkit_transaction\"}",
                    "[",
                    "null",
                    "42",
                    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
                })
        void malformed_or_nested_details_are_bad_details(String json) {
            assertThat(details(json).orElseThrow().problem()).isEqualTo(TransactionClaim.BAD_DETAILS);
        }

        @Test
        void huge_details_are_bad_details() {
            String huge =
                    "[{\"type\":\"ciamkit_transaction\",\"amount\":\"1\",\"pad\":\"" + "x".repeat(10_000) + "\"}]";
            assertThat(details(huge).orElseThrow().problem()).isEqualTo(TransactionClaim.BAD_DETAILS);
            String many = "[" + "{\"type\":\"a\"},".repeat(20) + "{\"type\":\"ciamkit_transaction\",\"amount\":\"1\"}]";
            assertThat(details(many).orElseThrow().problem()).isEqualTo(TransactionClaim.BAD_DETAILS);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "[{\"type\":\"ciamkit_transaction\",\"amount\":{\"value\":1}}]",
                    "[{\"type\":\"ciamkit_transaction\",\"amount\":[1]}]",
                    "[{\"type\":\"ciamkit_transaction\",\"amount\":true}]",
                    "[{\"type\":\"ciamkit_transaction\",\"amount\":1e9}]",
                    "[{\"type\":\"ciamkit_transaction\",\"amount\":-5}]",
                    "[{\"type\":\"ciamkit_transaction\"}]",
                    "[{\"type\":\"payment_initiation\",\"instructedAmount\":\"100\"}]"
                })
        void wrong_types_are_bad_amounts(String json) {
            assertThat(details(json).orElseThrow().problem()).isEqualTo(TransactionClaim.BAD_AMOUNT);
        }

        @Test
        void the_flat_amount_wins_over_details() {
            TransactionClaim claim = parse(Map.of(
                            TransactionParser.AMOUNT, "7",
                            TransactionParser.AUTHORIZATION_DETAILS,
                                    "[{\"type\":\"ciamkit_transaction\",\"amount\":\"9\"}]"))
                    .orElseThrow();
            assertThat(claim.amount()).isEqualByComparingTo("7");
        }
    }

    @Nested
    class Note {

        @Test
        void a_claim_survives_its_note() {
            TransactionClaim claim = parse(Map.of(
                            TransactionParser.AMOUNT, "10.5",
                            TransactionParser.CURRENCY, "JPY",
                            TransactionParser.TYPE, "bill"))
                    .orElseThrow();
            assertThat(TransactionClaim.decode(claim.encode())).contains(claim);
        }

        @Test
        void a_bad_claim_survives_its_note() {
            TransactionClaim claim =
                    parse(Map.of(TransactionParser.AMOUNT, "1e9")).orElseThrow();
            assertThat(TransactionClaim.decode(claim.encode())).contains(claim);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "par", "par|1|KRW|x", "admin|1|KRW||", "par|1|KRW|||", "par|-1|KRW||"})
        void a_foreign_note_is_no_claim_or_a_bad_one(String note) {
            Optional<TransactionClaim> decoded = TransactionClaim.decode(note);
            assertThat(decoded.map(TransactionClaim::problem).orElse("none")).isIn("none", "bad_amount");
        }
    }
}
