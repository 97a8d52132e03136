package dev.ciamkit.ekyc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 1-won account verification: starting a transfer "deposits" 1 won with a memo holding a code, confirming compares
 * the code the user read. The code is {@link #memoCode} of the account, so tests know it; a person reads it with
 * {@code GET /sandbox/transfers/{id}}, as they would in their bank app.
 */
final class Transfers {

    static final int ATTEMPTS = 3;
    static final Duration TTL = Duration.ofMinutes(10);
    static final String MEMO_PREFIX = "CIAMKIT ";

    private final Map<String, Transfer> byId = new ConcurrentHashMap<>();
    private final Map<String, Reply> byIdempotencyKey = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final References references;
    private final Clock clock;

    Transfers(References references, Clock clock) {
        this.references = references;
        this.clock = clock;
    }

    /** {@code {"bankCode": "004", "accountNumber": "...", "holderName": "..."}}; the same key gets the same answer. */
    Reply start(JsonNode request, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            return Reply.invalidRequest("starting a transfer needs an Idempotency-Key header");
        }
        return byIdempotencyKey.computeIfAbsent(idempotencyKey, key -> decide(request));
    }

    private Reply decide(JsonNode request) {
        if (!request.path("bankCode").isTextual()
                || !request.path("accountNumber").isTextual()) {
            return Reply.invalidRequest("bankCode and accountNumber are required");
        }
        String bank = request.path("bankCode").asText();
        String digits = request.path("accountNumber").asText().replaceAll("[\\s-]", "");
        if (!bank.matches("\\d{3}") || !digits.matches("\\d{10,14}")) {
            return Reply.error(422, "account_invalid", "bankCode has 3 digits, accountNumber 10 to 14");
        }
        String reference = references.next(SandboxOperation.TRANSFER);
        if (digits.endsWith("9999")) {
            return Reply.failed("account_not_found", reference);
        }
        if (digits.endsWith("8888")) {
            return Reply.failed("holder_mismatch", reference);
        }
        byte[] id = new byte[12];
        random.nextBytes(id);
        Transfer transfer = new Transfer(
                "tr_" + HexFormat.of().formatHex(id),
                bank,
                digits,
                memoCode(bank, digits),
                clock.instant().plus(TTL),
                ATTEMPTS);
        byId.put(transfer.id(), transfer);
        Reply reply = Reply.verdict(201, "PASSED", "ok", reference);
        reply.body()
                .put("transferId", transfer.id())
                .put("expiresAt", transfer.expiresAt().toString());
        return reply;
    }

    /** {@code {"code": "1234"}} for transfer {@code id}. */
    Reply confirm(String id, JsonNode request) {
        Transfer transfer = byId.get(id);
        if (transfer == null) {
            return Reply.error(404, "transfer_not_found", "no such transfer");
        }
        if (!request.path("code").isTextual()) {
            return Reply.invalidRequest("code is required");
        }
        String reference = references.next(SandboxOperation.CONFIRM);
        synchronized (transfer) {
            switch (transfer.state()) {
                case CONFIRMED:
                    return Reply.failed("transfer_closed", reference);
                case EXHAUSTED:
                    return attemptsLeft(Reply.failed("attempts_exhausted", reference), 0);
                default:
                    break;
            }
            if (clock.instant().isAfter(transfer.expiresAt())) {
                return Reply.failed("transfer_expired", reference);
            }
            byte[] given = request.path("code").asText().trim().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(given, transfer.code().getBytes(StandardCharsets.UTF_8))) {
                transfer.confirm();
                return Reply.passed(reference);
            }
            int left = transfer.miss();
            return attemptsLeft(Reply.failed(left == 0 ? "attempts_exhausted" : "code_mismatch", reference), left);
        }
    }

    /** What the account holder sees of the deposit, or empty for an unknown transfer. */
    Optional<ObjectNode> reveal(String id) {
        Transfer transfer = byId.get(id);
        if (transfer == null) {
            return Optional.empty();
        }
        String digits = transfer.accountDigits();
        return Optional.of(Reply.JSON
                .createObjectNode()
                .put("transferId", transfer.id())
                .put("bankCode", transfer.bankCode())
                .put("accountNumber", "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4))
                .put("amount", 1)
                .put("memo", MEMO_PREFIX + transfer.code())
                .put("state", transfer.state().name().toLowerCase(java.util.Locale.ROOT))
                .put("attemptsLeft", transfer.attemptsLeft())
                .put("expiresAt", transfer.expiresAt().toString()));
    }

    void clear() {
        byId.clear();
        byIdempotencyKey.clear();
    }

    /**
     * The memo's code for an account: the first four bytes of SHA-256 over {@code ciamkit-sandbox:<bank>:<digits>}
     * as an unsigned number, modulo 10000, four digits with leading zeros.
     */
    static String memoCode(String bankCode, String accountDigits) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("ciamkit-sandbox:" + bankCode + ":" + accountDigits).getBytes(StandardCharsets.UTF_8));
            long value = ((hash[0] & 0xFFL) << 24)
                    | ((hash[1] & 0xFFL) << 16)
                    | ((hash[2] & 0xFFL) << 8)
                    | (hash[3] & 0xFFL);
            return String.format("%04d", value % 10_000);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Reply attemptsLeft(Reply reply, int left) {
        reply.body().put("attemptsLeft", left);
        return reply;
    }
}
