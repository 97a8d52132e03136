package dev.ciamkit.ekyc.step;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.ekyc.vault.EkycMethod;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;

/** Null-safe, typed view of the eKYC step's config; missing or bad values fall back to {@link EkycPolicy#DEFAULT}. */
public final class EkycStepConfig {

    public static final String METHODS = "ekyc-methods";
    public static final String REQUIRED = "ekyc-required";
    public static final String VALIDITY_DAYS = "ekyc-validity-days";
    public static final String VALIDITY_SECONDS = "ekyc-validity-seconds";
    public static final String ATTEMPTS_PER_DAY = "ekyc-attempts-per-day";
    public static final String KEEP_IMAGES = "ekyc-keep-images";
    public static final String BUDGET_MS = "ekyc-budget-ms";
    public static final String MAX_IMAGE_KB = "ekyc-max-image-kb";
    public static final String MAX_FACE_TRIES = "ekyc-max-face-tries";

    private final Map<String, String> values;

    EkycStepConfig(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    public static EkycStepConfig of(AuthenticatorConfigModel model) {
        return new EkycStepConfig(model == null ? null : model.getConfig());
    }

    public static EkycStepConfig of(Map<String, String> values) {
        return new EkycStepConfig(values);
    }

    public EkycPolicy policy() {
        EkycPolicy d = EkycPolicy.DEFAULT;
        return new EkycPolicy(
                methods().orElse(d.methods()),
                BoundedInt.read(values, REQUIRED, d.required(), 1, EkycMethod.values().length),
                validity(d.validity()),
                BoundedInt.read(values, ATTEMPTS_PER_DAY, d.attemptsPerDay(), 1, 100),
                "true"
                        .equalsIgnoreCase(
                                values.getOrDefault(KEEP_IMAGES, "false").trim()),
                Duration.ofMillis(
                        BoundedInt.read(values, BUDGET_MS, (int) d.budget().toMillis(), 500, 30_000)),
                1024 * BoundedInt.read(values, MAX_IMAGE_KB, d.maxImageBytes() / 1024, 64, 8192),
                BoundedInt.read(values, MAX_FACE_TRIES, d.maxFaceTries(), 1, 10));
    }

    /**
     * Seconds win over days, so that tests and demos can make a verification expire quickly; a bad seconds value is
     * ignored (the days apply), so a typo cannot cut a year's validity to a minute.
     */
    private Duration validity(Duration fallback) {
        int seconds = BoundedInt.read(values, VALIDITY_SECONDS, -1, 1, Integer.MAX_VALUE);
        if (seconds > 0) {
            return Duration.ofSeconds(seconds);
        }
        return Duration.ofDays(BoundedInt.read(values, VALIDITY_DAYS, (int) fallback.toDays(), 1, 3650));
    }

    private Optional<java.util.Set<EkycMethod>> methods() {
        String raw = values.get(METHODS);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        EnumSet<EkycMethod> methods = EnumSet.noneOf(EkycMethod.class);
        Arrays.stream(raw.split(Constants.CFG_DELIMITER + "|,"))
                .map(EkycMethod::fromWire)
                .flatMap(Optional::stream)
                .forEach(methods::add);
        return methods.isEmpty() ? Optional.empty() : Optional.<java.util.Set<EkycMethod>>of(methods);
    }
}
