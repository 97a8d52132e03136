package dev.ciamkit.sms.code;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.common.ratelimit.SlotLimiter;
import dev.ciamkit.common.ratelimit.SlotLimiter.Limit;
import dev.ciamkit.sms.spi.SmsException;
import dev.ciamkit.sms.spi.SmsMessage;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * One SMS code a login (or a phone registration) is waiting for. The authentication session keeps only the code's
 * HMAC with the pepper (never the code: a bare hash of 10⁶ codes falls in milliseconds), a random id and the expiry;
 * a new code replaces the previous one. Across the cluster, Keycloak's single-use store holds the rest with
 * {@code putIfAbsent}, which is atomic on every node: the tries a code has left (numbered slots, so parallel
 * submissions cannot exceed them), its single use, and the send caps (resend cooldown per user and step, per phone number and
 * per client address per window). The brute-force count is the caller's ({@code FactorAttempts}): a resend never
 * resets it.
 */
public final class SmsChallenge {

    /** What became of a request to send a code. */
    public enum Sent {
        /** The gateway took it (or there is no number and nothing was sent, which the page must not tell apart). */
        SENT,
        /** A cooldown or cap refused; the previous code, if any, stays valid. */
        RATE_LIMITED,
        /** The gateway refused or did not answer in time; no code is pending. */
        NOT_SENT
    }

    /** The result of a send, never null: {@code refusedBy} names the limit, {@code failure} the gateway's answer. */
    public record Sending(Sent status, String refusedBy, SmsException failure) {}

    /** What a typed code was, each with the event error it is reported as (none for ACCEPTED). */
    public enum Outcome {
        ACCEPTED(null),
        WRONG(SmsErrors.CODE_INVALID),
        /** No code pending, or its time passed. */
        EXPIRED(SmsErrors.CODE_EXPIRED),
        /** The code used up its tries. */
        EXHAUSTED(SmsErrors.CODE_EXHAUSTED),
        /** The right code, used already. */
        REPLAYED(SmsErrors.CODE_REPLAYED);

        private final String eventError;

        Outcome(String eventError) {
            this.eventError = eventError;
        }

        public String eventError() {
            return eventError;
        }

        /** The code can no longer pass: a new one must be sent. */
        public boolean codeGone() {
            return this == EXPIRED || this == EXHAUSTED;
        }
    }

    private static final String NOTE = "ciamkit.sms.";
    /** The stored "hash" of a code that went nowhere (no bound phone): nothing matches it. */
    private static final String NO_CODE = "none";

    /**
     * The purpose of codes to a number being registered: they have a per-phone cap of their own, so texting someone
     * else's number to a registration page never uses up the budget of that number's owner's logins.
     */
    public static final String PURPOSE_NEW_NUMBER = "phone-register";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final AuthenticationSessionModel authSession;
    private final String purpose;
    private final SmsCodeConfig config;

    /**
     * @param purpose keeps codes of different steps apart in one login, e.g. {@code login} or {@code phone-register}
     */
    public SmsChallenge(
            KeycloakSession session, AuthenticationSessionModel authSession, String purpose, SmsCodeConfig config) {
        this.session = session;
        this.authSession = authSession;
        this.purpose = purpose;
        this.config = config;
    }

    /**
     * Sends a new code to {@code e164}, within the caps; a code that cannot reach anyone ({@code e164} null: no bound
     * phone) is made and kept all the same, so the page and the caps behave alike, but nothing is sent.
     *
     * @param textKey the login theme message of the text: {0} the realm, {1} the code, {2} the minutes it lives
     */
    public Sending send(UserModel user, String e164, String textKey, String fallbackText) {
        SlotLimiter limiter = new SlotLimiter(session.singleUseObjects());
        SlotLimiter.Decision decision = limiter.tryAcquire(limits(user, e164));
        if (!decision.allowed()) {
            return new Sending(Sent.RATE_LIMITED, decision.refusedBy(), null);
        }
        String code = new SmsCodes(RANDOM).next(config.digits());
        String id = newId();
        EnvelopeProvider envelope = session.getProvider(EnvelopeProvider.class);
        authSession.setAuthNote(note("id"), id);
        // Without a number nothing is sent and no code can pass, however often the user asks for one.
        authSession.setAuthNote(note("hash"), e164 == null ? NO_CODE : envelope.hashIdentifier(hashPurpose(id), code));
        authSession.setAuthNote(note("expires"), Long.toString(Time.currentTime() + (long) config.ttlSeconds()));
        if (e164 == null) {
            return new Sending(Sent.SENT, null, null);
        }
        int minutes = (config.ttlSeconds() + 59) / 60;
        String text = SmsDelivery.text(session, user, textKey, fallbackText, code, minutes);
        SmsException failure = SmsDelivery.deliver(
                session, config.sender(), config.senderConfig(), new SmsMessage(e164, text), "SMS code");
        if (failure == null) {
            return new Sending(Sent.SENT, null, null);
        }
        clear();
        if (failure.provablyNotSent()) {
            // The user may retry at once: the cooldown and the phone's cap give their slot back; the address cap keeps
            // it (it bounds what one client can make us try). After a timeout the code may still arrive: slots stay.
            limiter.release(decision, List.of("cooldown", "phone"));
        }
        return new Sending(Sent.NOT_SENT, null, failure);
    }

    /** Checks a typed code against the pending one; the right code is accepted once across the cluster. */
    public Outcome verify(String typed) {
        String id = authSession.getAuthNote(note("id"));
        String hash = authSession.getAuthNote(note("hash"));
        long expires = parseLong(authSession.getAuthNote(note("expires")));
        if (id == null || hash == null || Time.currentTime() >= expires) {
            return Outcome.EXPIRED;
        }
        int ttl = (int) Math.max(1, expires - Time.currentTime());
        SlotLimiter limiter = new SlotLimiter(session.singleUseObjects());
        if (!limiter.tryAcquire(List.of(new Limit("tries", "sms-code:tries:" + id, config.maxTries(), ttl)))
                .allowed()) {
            return Outcome.EXHAUSTED;
        }
        String code = SmsCodes.typed(typed);
        EnvelopeProvider envelope = session.getProvider(EnvelopeProvider.class);
        if (code == null || NO_CODE.equals(hash) || !envelope.identifierMatches(hash, hashPurpose(id), code)) {
            return Outcome.WRONG;
        }
        if (!session.singleUseObjects().putIfAbsent(SlotLimiter.PREFIX + "sms-code:used:" + id, ttl)) {
            return Outcome.REPLAYED;
        }
        clear();
        return Outcome.ACCEPTED;
    }

    /** Whether a code was sent in this login and is still pending. */
    public boolean pending() {
        return authSession.getAuthNote(note("id")) != null
                && Time.currentTime() < parseLong(authSession.getAuthNote(note("expires")));
    }

    public void clear() {
        authSession.removeAuthNote(note("id"));
        authSession.removeAuthNote(note("hash"));
        authSession.removeAuthNote(note("expires"));
    }

    private List<Limit> limits(UserModel user, String e164) {
        String realm = session.getContext().getRealm().getId();
        EnvelopeProvider envelope = session.getProvider(EnvelopeProvider.class);
        List<Limit> limits = new ArrayList<>();
        if (config.cooldownSeconds() > 0) {
            limits.add(new Limit(
                    // per purpose: binding a phone must not make the next login wait; the caps are shared by all
                    "cooldown",
                    "sms-code:cooldown:" + purpose + ":" + realm + ":" + user.getId(),
                    1,
                    config.cooldownSeconds()));
        }
        limits.add(new Limit(
                "user", "sms-code:user:" + realm + ":" + user.getId(), config.maxPerUser(), config.capWindowSeconds()));
        if (e164 != null) {
            // keys hold only peppered hashes: the number and the address are personal data
            String kind = PURPOSE_NEW_NUMBER.equals(purpose) ? "new" : "bound";
            limits.add(new Limit(
                    "phone",
                    "sms-code:phone:" + kind + ":" + realm + ":" + envelope.hashIdentifier(PHONE_PURPOSE, e164),
                    config.maxPerPhone(),
                    config.capWindowSeconds()));
        }
        String address = String.valueOf(session.getContext().getConnection().getRemoteAddr());
        limits.add(new Limit(
                "address",
                "sms-code:address:" + realm + ":" + envelope.hashIdentifier("sms-address", address),
                config.maxPerAddress(),
                config.capWindowSeconds()));
        return limits;
    }

    /** The {@code EnvelopeProvider.hashIdentifier} purpose of phone numbers (binding lookups and caps). */
    public static final String PHONE_PURPOSE = "phone";

    private String note(String name) {
        return NOTE + purpose + "." + name;
    }

    private static String hashPurpose(String id) {
        return "sms-code:" + id;
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
