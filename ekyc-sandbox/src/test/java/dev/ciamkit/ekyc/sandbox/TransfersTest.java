package dev.ciamkit.ekyc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransfersTest {

    private static final String BANK = "004";
    private static final String ACCOUNT = "123-4567-8901-23";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Transfers transfers = new Transfers(new References(), clock);

    private String start() {
        Reply reply = transfers.start(
                Requests.account(BANK, ACCOUNT), java.util.UUID.randomUUID().toString());
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().path("transferId").asText();
    }

    private String code() {
        return Transfers.memoCode(BANK, ACCOUNT.replace("-", ""));
    }

    @Nested
    class Starting {

        @Test
        void a_valid_account_gets_a_transfer_that_expires_in_ten_minutes() {
            Reply reply = transfers.start(Requests.account(BANK, ACCOUNT), "key-1");

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.body().path("result").asText()).isEqualTo("PASSED");
            assertThat(reply.body().path("transferId").asText()).matches("tr_[0-9a-f]{24}");
            assertThat(reply.body().path("expiresAt").asText()).isEqualTo("2026-03-01T09:10:00Z");
        }

        @Test
        void the_same_idempotency_key_gets_the_same_transfer_and_no_second_deposit() {
            Reply first = transfers.start(Requests.account(BANK, ACCOUNT), "key-1");
            Reply again = transfers.start(Requests.account(BANK, ACCOUNT), "key-1");
            Reply other = transfers.start(Requests.account(BANK, ACCOUNT), "key-2");

            assertThat(again.body()).isEqualTo(first.body());
            assertThat(other.body().path("transferId"))
                    .isNotEqualTo(first.body().path("transferId"));
        }

        @Test
        void without_an_idempotency_key_nothing_starts() {
            Reply reply = transfers.start(Requests.account(BANK, ACCOUNT), null);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().path("error").asText()).isEqualTo("invalid_request");
        }

        @ParameterizedTest
        @CsvSource({
            "004, 1234567899999, 200, account_not_found",
            "004, 1234567898888, 200, holder_mismatch",
            "04, 1234567890123, 422, account_invalid",
            "004, 12345, 422, account_invalid",
            "004, 12345678901a3, 422, account_invalid"
        })
        void accounts_that_cannot_get_a_deposit(String bank, String account, int status, String reason) {
            Reply reply = transfers.start(Requests.account(bank, account), "key-" + account);

            assertThat(reply.status()).isEqualTo(status);
            assertThat(reply.body().path(status == 200 ? "reason" : "error").asText())
                    .isEqualTo(reason);
        }
    }

    @Nested
    class Confirming {

        @Test
        void the_memo_code_confirms_once() {
            String id = start();

            assertThat(transfers
                            .confirm(id, Requests.code(" " + code() + " "))
                            .body()
                            .path("result")
                            .asText())
                    .isEqualTo("PASSED");
            assertThat(transfers
                            .confirm(id, Requests.code(code()))
                            .body()
                            .path("reason")
                            .asText())
                    .isEqualTo("transfer_closed");
        }

        @Test
        void the_memo_shows_the_code_and_masks_the_account() {
            String id = start();

            assertThat(transfers.reveal(id).orElseThrow().path("memo").asText()).isEqualTo("CIAMKIT " + code());
            assertThat(transfers.reveal(id).orElseThrow().path("accountNumber").asText())
                    .isEqualTo("*********0123");
        }

        @Test
        void three_wrong_codes_use_up_the_transfer_and_then_the_right_one_is_refused() {
            String id = start();
            String wrong = code().equals("0000") ? "0001" : "0000";

            Reply first = transfers.confirm(id, Requests.code(wrong));
            Reply second = transfers.confirm(id, Requests.code(wrong));
            Reply third = transfers.confirm(id, Requests.code(wrong));
            Reply right = transfers.confirm(id, Requests.code(code()));

            assertThat(first.body().path("reason").asText()).isEqualTo("code_mismatch");
            assertThat(first.body().path("attemptsLeft").asInt()).isEqualTo(2);
            assertThat(second.body().path("attemptsLeft").asInt()).isEqualTo(1);
            assertThat(third.body().path("reason").asText()).isEqualTo("attempts_exhausted");
            assertThat(right.body().path("result").asText()).isEqualTo("FAILED");
            assertThat(right.body().path("reason").asText()).isEqualTo("attempts_exhausted");
        }

        @Test
        void the_right_code_after_ten_minutes_is_expired() {
            String id = start();
            now.set(now.get().plusSeconds(601));

            assertThat(transfers
                            .confirm(id, Requests.code(code()))
                            .body()
                            .path("reason")
                            .asText())
                    .isEqualTo("transfer_expired");
        }

        @Test
        void an_unknown_transfer_is_not_found() {
            Reply reply = transfers.confirm("tr_nope", Requests.code("1234"));

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body().path("error").asText()).isEqualTo("transfer_not_found");
        }
    }

    @Test
    void the_memo_code_is_four_digits_fixed_per_account() {
        assertThat(Transfers.memoCode("004", "1234567890123")).matches("\\d{4}");
        assertThat(Transfers.memoCode("004", "1234567890123")).isEqualTo(Transfers.memoCode("004", "1234567890123"));
        assertThat(Transfers.memoCode("088", "1234567890123")).isNotEqualTo(Transfers.memoCode("004", "1234567890123"));
    }
}
