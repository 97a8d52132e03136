package dev.ciamkit.ekyc.sandbox;

import java.time.Instant;

/** One 1-won deposit the sandbox "sent", and how its confirmation went. */
final class Transfer {

    enum State {
        PENDING,
        CONFIRMED,
        EXHAUSTED
    }

    private final String id;
    private final String bankCode;
    private final String accountDigits;
    private final String code;
    private final Instant expiresAt;
    private int attemptsLeft;
    private State state = State.PENDING;

    Transfer(String id, String bankCode, String accountDigits, String code, Instant expiresAt, int attempts) {
        this.id = id;
        this.bankCode = bankCode;
        this.accountDigits = accountDigits;
        this.code = code;
        this.expiresAt = expiresAt;
        this.attemptsLeft = attempts;
    }

    String id() {
        return id;
    }

    String bankCode() {
        return bankCode;
    }

    String accountDigits() {
        return accountDigits;
    }

    String code() {
        return code;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    synchronized int attemptsLeft() {
        return attemptsLeft;
    }

    synchronized State state() {
        return state;
    }

    synchronized void confirm() {
        state = State.CONFIRMED;
    }

    /** One wrong code; the last one ends the transfer. */
    synchronized int miss() {
        attemptsLeft = Math.max(0, attemptsLeft - 1);
        if (attemptsLeft == 0) {
            state = State.EXHAUSTED;
        }
        return attemptsLeft;
    }
}
