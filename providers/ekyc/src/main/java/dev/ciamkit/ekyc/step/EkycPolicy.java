package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.vault.EkycMethod;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a verification must achieve and within which limits: the methods a user may use, how many must pass, how long a
 * verification stays valid, how many a user may start per day, whether images are kept, the time budget of a check and
 * the largest image accepted.
 *
 * <p>The ID document is always read first (its fields name the person; the face match compares with its portrait and
 * the account holder must carry its name), so {@link EkycMethod#ID_DOCUMENT} is always allowed.
 */
public record EkycPolicy(
        Set<EkycMethod> methods,
        int required,
        Duration validity,
        int attemptsPerDay,
        boolean keepImages,
        Duration budget,
        int maxImageBytes,
        int maxFaceTries) {

    public static final EkycPolicy DEFAULT = new EkycPolicy(
            EnumSet.allOf(EkycMethod.class), 2, Duration.ofDays(365), 5, false, Duration.ofSeconds(3), 4 << 20, 3);

    public EkycPolicy {
        Objects.requireNonNull(methods, "methods");
        EnumSet<EkycMethod> allowed = EnumSet.of(EkycMethod.ID_DOCUMENT);
        allowed.addAll(methods);
        methods = Set.copyOf(allowed);
        required = Math.max(1, Math.min(required, methods.size()));
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(budget, "budget");
    }

    public boolean allows(EkycMethod method) {
        return methods.contains(method);
    }

    /** Whether the methods passed so far meet the policy. */
    public boolean metBy(Set<EkycMethod> passed) {
        return passed.stream().filter(methods::contains).count() >= required;
    }

    /** Whether the policy can still be met when the methods in {@code lost} can no longer pass. */
    public boolean reachable(Set<EkycMethod> passed, Set<EkycMethod> lost) {
        long possible = methods.stream()
                .filter(m -> passed.contains(m) || !lost.contains(m))
                .count();
        return possible >= required;
    }
}
