package dev.ciamkit.risk.signal.transaction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the transaction a client sent with an authorization request, from the parameters {@code ciamkit_tx_amount},
 * {@code ciamkit_tx_currency}, {@code ciamkit_tx_type}, or else from an {@code authorization_details} entry of type
 * {@code ciamkit_transaction} ({@code amount}, {@code currency}, {@code transaction_type}) or {@code payment_initiation}
 * ({@code instructedAmount {amount, currency}}). Every input is bounded and checked; nothing a client sends makes it
 * throw: what does not parse becomes a claim with a {@link TransactionClaim#problem()}.
 */
public final class TransactionParser {

    public static final String AMOUNT = "ciamkit_tx_amount";
    public static final String CURRENCY = "ciamkit_tx_currency";
    public static final String TYPE = "ciamkit_tx_type";
    public static final String AUTHORIZATION_DETAILS = "authorization_details";
    public static final String DETAILS_TYPE = "ciamkit_transaction";
    public static final String PAYMENT_INITIATION = "payment_initiation";
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("KRW");

    static final int MAX_AMOUNT_CHARS = 24;
    static final int MAX_DETAILS_CHARS = 4_096;
    static final int MAX_DETAILS_ENTRIES = 8;

    /** Plain decimal, ASCII digits only (no sign, exponent, grouping, full-width digits), at most 2 fractional digits. */
    private static final Pattern AMOUNT_FORMAT = Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,2})?");

    private static final Pattern CURRENCY_FORMAT = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern TYPE_FORMAT = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxStringLength(MAX_DETAILS_CHARS)
                    .maxNumberLength(MAX_AMOUNT_CHARS)
                    .build())
            .build());

    private TransactionParser() {}

    /**
     * The transaction in these parameters, from {@code source}; empty when the client sent none.
     *
     * @param parameter the value of a parameter by name, or null
     */
    public static Optional<TransactionClaim> parse(Function<String, String> parameter, TransactionClaim.Source source) {
        String amount = parameter.apply(AMOUNT);
        if (amount != null) {
            return Optional.of(claim(source, amount, parameter.apply(CURRENCY), parameter.apply(TYPE)));
        }
        String details = parameter.apply(AUTHORIZATION_DETAILS);
        return details == null ? Optional.empty() : details(details, source);
    }

    /** The transaction in an {@code authorization_details} value; empty when it holds no entry of ours. */
    static Optional<TransactionClaim> details(String value, TransactionClaim.Source source) {
        if (value.length() > MAX_DETAILS_CHARS) {
            return Optional.of(bad(source));
        }
        JsonNode entries;
        try {
            entries = JSON.readTree(value);
        } catch (IOException | RuntimeException e) {
            return Optional.of(bad(source));
        }
        if (entries == null || !entries.isArray() || entries.size() > MAX_DETAILS_ENTRIES) {
            return Optional.of(bad(source));
        }
        for (JsonNode entry : entries) {
            String type = entry.path("type").asText("");
            if (DETAILS_TYPE.equals(type)) {
                return Optional.of(claim(
                        source,
                        text(entry.get("amount")),
                        text(entry.get("currency")),
                        text(entry.get("transaction_type"))));
            }
            if (PAYMENT_INITIATION.equals(type)) {
                JsonNode instructed = entry.path("instructedAmount");
                return Optional.of(claim(
                        source, text(instructed.get("amount")), text(instructed.get("currency")), PAYMENT_INITIATION));
            }
        }
        return Optional.empty();
    }

    private static TransactionClaim claim(TransactionClaim.Source source, String amount, String currency, String type) {
        Optional<BigDecimal> a = amount(amount);
        Optional<Currency> c = currency == null ? Optional.of(DEFAULT_CURRENCY) : currency(currency);
        Optional<String> t = type == null ? Optional.empty() : type(type);
        String problem = a.isEmpty()
                ? TransactionClaim.BAD_AMOUNT
                : c.isEmpty()
                        ? TransactionClaim.BAD_CURRENCY
                        : type != null && t.isEmpty() ? TransactionClaim.BAD_TYPE : null;
        return new TransactionClaim(source, a.orElse(null), c.orElse(null), t.orElse(null), problem);
    }

    private static TransactionClaim bad(TransactionClaim.Source source) {
        return new TransactionClaim(source, null, null, null, TransactionClaim.BAD_DETAILS);
    }

    /** A JSON string as is, a JSON integer or decimal as written; anything else (objects, arrays, booleans) is null. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() || node.isBigDecimal()) {
            return node.numberValue().toString();
        }
        if (node.isDouble() || node.isFloat()) {
            // a double's text may be 1.0E9: refused as an exponent, as a string "1e9" would be
            return Double.toString(node.doubleValue());
        }
        return "";
    }

    /** A positive plain amount with at most two fractional digits. */
    static Optional<BigDecimal> amount(String value) {
        if (value == null || value.length() > MAX_AMOUNT_CHARS) {
            return Optional.empty();
        }
        String text = value.strip();
        if (!AMOUNT_FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(text);
        return amount.signum() > 0 ? Optional.of(amount) : Optional.empty();
    }

    static Optional<Currency> currency(String value) {
        if (value == null || !CURRENCY_FORMAT.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<String> type(String value) {
        return value != null && TYPE_FORMAT.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }
}
