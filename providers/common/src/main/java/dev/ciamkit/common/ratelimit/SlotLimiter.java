package dev.ciamkit.common.ratelimit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Caps how often something may happen, across the cluster, with nothing but Keycloak's single-use store: a limit of
 * {@code max} per window is {@code max} numbered slots, each taken with {@code putIfAbsent} and freed by its own
 * lifespan. {@code putIfAbsent} is atomic on every node, so two requests on two nodes never take the same slot, and no
 * counter is read and written back. A slot expires a window after it was taken, so the window slides.
 *
 * <p>All limits of one call hold together: when a later limit refuses, the slots already taken for the earlier ones
 * are given back, so a refused attempt does not use up the other allowances.
 */
public final class SlotLimiter {

    /** Every key we put in Keycloak's stores starts with this. */
    public static final String PREFIX = "ciamkit:";

    /**
     * One limit: at most {@code max} acquisitions per {@code windowSeconds} for this key.
     *
     * @param key without our prefix, e.g. {@code otp-sms:user:<realmId>:<userId>}; it must not hold secrets or PII
     *     in the clear
     */
    public record Limit(String name, String key, int max, int windowSeconds) {

        public Limit {
            if (max < 1 || windowSeconds < 1) {
                throw new IllegalArgumentException("limit " + name + " needs max and window of at least 1");
            }
        }

        String slot(int index) {
            return PREFIX + "slot:" + key + ":" + index;
        }
    }

    /**
     * Which limit refused, or none: never null. A granted decision knows the slot it took per limit name, so the
     * caller can give some back ({@link #release}).
     */
    public record Decision(boolean allowed, String refusedBy, Map<String, String> slots) {

        public Decision {
            slots = Map.copyOf(slots);
        }
    }

    private final SingleUseObjectProvider store;

    public SlotLimiter(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** Takes one slot of every limit, or none of them. */
    public Decision tryAcquire(List<Limit> limits) {
        Map<String, String> taken = new LinkedHashMap<>();
        for (Limit limit : limits) {
            String slot = takeSlot(limit);
            if (slot == null) {
                taken.values().forEach(store::remove);
                return new Decision(false, limit.name(), Map.of());
            }
            taken.put(limit.name(), slot);
        }
        return new Decision(true, null, taken);
    }

    /**
     * Gives back the slots a granted decision took for the named limits, e.g. when what they paid for did not happen
     * (a message the gateway refused). Limits not named keep their slot.
     */
    public void release(Decision decision, Collection<String> limitNames) {
        for (String name : limitNames) {
            String slot = decision.slots().get(name);
            if (slot != null) {
                store.remove(slot);
            }
        }
    }

    /**
     * How many of the limit's slots are taken now: the number of acquisitions in the last window, up to {@code max}
     * (a count that saturates). One lookup per slot, so keep {@code max} small.
     */
    public int occupied(Limit limit) {
        int taken = 0;
        for (int i = 0; i < limit.max(); i++) {
            if (store.contains(limit.slot(i))) {
                taken++;
            }
        }
        return taken;
    }

    private String takeSlot(Limit limit) {
        for (int i = 0; i < limit.max(); i++) {
            String slot = limit.slot(i);
            if (store.putIfAbsent(slot, limit.windowSeconds())) {
                return slot;
            }
        }
        return null;
    }
}
