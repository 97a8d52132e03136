package dev.ciamkit.risk.signal.transaction;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a client said about the transaction a login is for, and where it said it. Immutable and never null: values that
 * did not parse are an explicit {@link #problem()}, never an exception.
 *
 * @param source where the values came from; only {@link Source#SIGNED_REQUEST_OBJECT} and {@link Source#PAR} are trusted
 * @param amount a positive amount with at most two fractional digits, or null when {@link #problem()} is set
 * @param currency the ISO 4217 currency (KRW unless the client sent one), or null when it did not parse
 * @param type the client's transaction type ({@code [a-z0-9_-]{1,32}}), or null
 * @param problem a reason code ({@code bad_amount}, {@code bad_currency}, {@code bad_type}, {@code bad_details}) or null
 */
public record TransactionClaim(Source source, BigDecimal amount, Currency currency, String type, String problem) {

    /** Where the values came from. */
    public enum Source {
        /** A {@code request} or {@code request_uri} JWT whose signature Keycloak verified with the client's keys. */
        SIGNED_REQUEST_OBJECT,
        /** A pushed authorization request of a confidential client, authenticated at the PAR endpoint. */
        PAR,
        /** The query string or form of the authorization request: anyone in the browser can change it. */
        UNVERIFIED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String BAD_AMOUNT = "bad_amount";
    public static final String BAD_CURRENCY = "bad_currency";
    public static final String BAD_TYPE = "bad_type";
    public static final String BAD_DETAILS = "bad_details";

    private static final Set<String> PROBLEMS = Set.of(BAD_AMOUNT, BAD_CURRENCY, BAD_TYPE, BAD_DETAILS);
    private static final String SEPARATOR = "|";

    public TransactionClaim {
        Objects.requireNonNull(source, "source");
        if (problem == null && (amount == null || currency == null)) {
            problem = amount == null ? BAD_AMOUNT : BAD_CURRENCY;
        }
    }

    /** Whether the values came through a channel the user's browser cannot change. */
    public boolean verified() {
        return source != Source.UNVERIFIED;
    }

    /** The same values, from another source. */
    TransactionClaim from(Source other) {
        return new TransactionClaim(other, amount, currency, type, problem);
    }

    /** The client note's value: {@code source|amount|currency|type|problem}, empty fields for what is absent. */
    public String encode() {
        return String.join(
                SEPARATOR,
                source.code(),
                amount == null ? "" : amount.toPlainString(),
                currency == null ? "" : currency.getCurrencyCode(),
                type == null ? "" : type,
                problem == null ? "" : problem);
    }

    /** A note written by {@link #encode()}; anything else is no claim (notes are written only by our executor). */
    static Optional<TransactionClaim> decode(String note) {
        if (note == null || note.length() > 256) {
            return Optional.empty();
        }
        String[] f = note.split("\\|", -1);
        if (f.length != 5) {
            return Optional.empty();
        }
        try {
            Source source = Source.valueOf(f[0].toUpperCase(Locale.ROOT));
            BigDecimal amount = TransactionParser.amount(f[1]).orElse(null);
            Currency currency = TransactionParser.currency(f[2]).orElse(null);
            String type = f[3].isEmpty() ? null : TransactionParser.type(f[3]).orElse(null);
            String problem = f[4].isEmpty() ? null : PROBLEMS.contains(f[4]) ? f[4] : BAD_DETAILS;
            return Optional.of(new TransactionClaim(source, amount, currency, type, problem));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
