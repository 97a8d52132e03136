package dev.ciamkit.risk.signal.transaction;

import dev.ciamkit.common.config.BoundedInt;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The realm's settings of the transaction signal, read null-safely from the evaluator's config with defaults.
 *
 * @param defaultThreshold the threshold of a client without its own entry, in {@link #defaultCurrency()}
 * @param thresholds per client id: entries {@code clientId=amount} or {@code clientId=amount CUR}
 * @param overPoints points when a verified amount reaches the client's threshold
 * @param highMultiple a verified amount of at least this many thresholds scores {@code highPoints} instead
 * @param highPoints points for such an amount; still not decisive: a large transfer asks for a factor, it never refuses
 * @param unverifiedPoints points when the values are unverified or do not parse, whatever the amount
 */
public record TransactionConfig(
        Threshold defaultThreshold,
        Map<String, Threshold> thresholds,
        int overPoints,
        int highMultiple,
        int highPoints,
        int unverifiedPoints) {

    public static final String DEFAULT_THRESHOLD = "transaction.default-threshold";
    public static final String THRESHOLDS = "transaction.thresholds";
    public static final String OVER_POINTS = "transaction.over-points";
    public static final String HIGH_MULTIPLE = "transaction.high-multiple";
    public static final String HIGH_POINTS = "transaction.high-points";
    public static final String UNVERIFIED_POINTS = "transaction.unverified-points";

    public static final String DEFAULT_DEFAULT_THRESHOLD = "1000000";
    public static final int DEFAULT_OVER_POINTS = 30;
    public static final int DEFAULT_HIGH_MULTIPLE = 10;
    public static final int DEFAULT_HIGH_POINTS = 55;
    public static final int DEFAULT_UNVERIFIED_POINTS = 10;

    /** Config values longer than this are not read (a form field, not a file). */
    private static final int MAX_THRESHOLDS_CHARS = 16_384;

    /** One client's threshold. */
    public record Threshold(BigDecimal amount, Currency currency) {}

    public TransactionConfig {
        thresholds = Map.copyOf(thresholds);
    }

    public static TransactionConfig read(Map<String, String> config) {
        Map<String, String> c = config == null ? Map.of() : config;
        return new TransactionConfig(
                threshold(c.getOrDefault(DEFAULT_THRESHOLD, DEFAULT_DEFAULT_THRESHOLD))
                        .or(() -> threshold(DEFAULT_DEFAULT_THRESHOLD))
                        .orElseThrow(),
                thresholds(c.get(THRESHOLDS)),
                BoundedInt.read(c, OVER_POINTS, DEFAULT_OVER_POINTS, 0, 100),
                BoundedInt.read(c, HIGH_MULTIPLE, DEFAULT_HIGH_MULTIPLE, 1, 1_000),
                BoundedInt.read(c, HIGH_POINTS, DEFAULT_HIGH_POINTS, 0, 100),
                BoundedInt.read(c, UNVERIFIED_POINTS, DEFAULT_UNVERIFIED_POINTS, 0, 100));
    }

    /** The threshold of this client: its own entry, else the default. */
    public Threshold thresholdFor(String clientId) {
        return clientId == null ? defaultThreshold : thresholds.getOrDefault(clientId, defaultThreshold);
    }

    /**
     * Entries separated by {@code ##} (the admin console's multivalued separator) or new lines: {@code clientId=amount}
     * in KRW, or {@code clientId=amount CUR}. An entry that does not parse is skipped (the client keeps the default).
     */
    static Map<String, Threshold> thresholds(String value) {
        Map<String, Threshold> parsed = new HashMap<>();
        if (value == null || value.isBlank() || value.length() > MAX_THRESHOLDS_CHARS) {
            return parsed;
        }
        for (String entry : value.split("##|\\R")) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                continue;
            }
            String clientId = entry.substring(0, eq).strip();
            threshold(entry.substring(eq + 1)).ifPresent(t -> parsed.putIfAbsent(clientId, t));
        }
        return parsed;
    }

    /** {@code amount} or {@code amount CUR}. */
    static Optional<Threshold> threshold(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.strip().split("\\s+");
        if (parts.length > 2) {
            return Optional.empty();
        }
        Optional<Currency> currency = parts.length == 2
                ? TransactionParser.currency(parts[1])
                : Optional.of(TransactionParser.DEFAULT_CURRENCY);
        Optional<BigDecimal> amount = TransactionParser.amount(parts[0]);
        return amount.isPresent() && currency.isPresent()
                ? Optional.of(new Threshold(amount.get(), currency.get()))
                : Optional.empty();
    }
}
