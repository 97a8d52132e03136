package dev.ciamkit.audit.anomaly;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a rule does beyond its record in the trail and its metric (which every finding gets: the record is also the
 * detector's memory of what it already reported, and the audit of every lock and block it sets).
 */
public enum AnomalyAction {
    /** A signed POST to the realm's anomaly webhook, through the persistent outbox. */
    WEBHOOK,
    /** A mail to the realm's security contact with the realm's SMTP settings, through the persistent outbox. */
    EMAIL,
    /** A temporary lock in Keycloak's login-failure store: the brute-force admin API shows it, its unlock lifts it. */
    LOCK_USER,
    /** The client address on the realm's block list for a while: the risk network signal denies it. */
    BLOCK_ADDRESS;

    /** {@code webhook}, {@code email}, {@code lock-user}, {@code block-address}: the values of the actions fields. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The actions a stored value names ({@code ##}, commas or spaces between them); unknown names are ignored. */
    public static Set<AnomalyAction> parse(String value) {
        Set<AnomalyAction> actions = EnumSet.noneOf(AnomalyAction.class);
        if (value == null) {
            return actions;
        }
        for (String part : value.split("(##|[,\\s])+")) {
            for (AnomalyAction action : values()) {
                if (action.id().equalsIgnoreCase(part.trim())) {
                    actions.add(action);
                }
            }
        }
        return actions;
    }
}
