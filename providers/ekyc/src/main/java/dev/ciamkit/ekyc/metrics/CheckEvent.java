package dev.ciamkit.ekyc.metrics;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A JDK Flight Recorder event for our part of one eKYC check on the server, in three parts: {@value #UPLOAD} (the
 * upload endpoint with an image page's post: its parts read, checked and sealed into the login), {@value #STEP} (the
 * step or required action from Keycloak calling it to its return: the journey built, the posted page read, the vendor
 * calls, the vault, events, the next page rendered or the login told to go on) and {@value #RECHECK} (the vault's
 * duplicate re-check after the commit of a completed verification). {@code vendorWait} is how long the request thread
 * waited for vendor calls (calls at once counted once; that wait holds the executor's queueing and the verifier's own
 * work on its threads too). {@code login} pairs the parts of one check (a short keyed hash of the login, never its id).
 * Nothing of the person is a field.
 *
 * <p>Recorded only while a recording that takes it runs (it is on by default, so any recording does); otherwise it
 * costs an object per check and a thread-local counter. The eKYC bench records it alone to report the orchestration
 * overhead on the server. Keycloak's own work around ours (the HTTP requests, loading the login, completing it) is in
 * no part.
 */
@Name(CheckEvent.NAME)
@Label("CIAM Kit eKYC check")
@Category({"CIAM Kit", "eKYC"})
@Description("Our part of one eKYC check on the server, and how long of it the vendor was awaited")
@StackTrace(false)
public final class CheckEvent extends Event {

    public static final String NAME = "dev.ciamkit.ekyc.Check";

    public static final String UPLOAD = "upload";
    public static final String STEP = "step";
    public static final String RECHECK = "recheck";

    private static final byte[] PAIRING_KEY = new byte[32];

    static {
        new java.security.SecureRandom().nextBytes(PAIRING_KEY);
    }

    /** Nanoseconds this thread has waited for vendor calls, ever: two readings give the wait between them. */
    private static final ThreadLocal<long[]> WAITED = ThreadLocal.withInitial(() -> new long[1]);

    @Label("Part")
    @Description("upload, step or recheck")
    String part;

    @Label("Stage")
    @Description("The check: id (the ID image), confirm (the fields and the selfie), account, code, or complete")
    String stage;

    @Label("Login")
    @Description(
            "A key of the login the part belonged to (not its id: 12 hex digits of a hash of it), pairing the parts"
                    + " of one check")
    String login;

    @Label("Vendor wait")
    @Description("How long the request waited for vendor calls (calls at once counted once)")
    @Timespan(Timespan.NANOSECONDS)
    long vendorWait;

    private final transient long waitedBefore = WAITED.get()[0];

    private transient String loginId;

    private CheckEvent(String part) {
        this.part = part;
    }

    /** Starts timing a part; it is recorded only once {@link #stage} says which check it was. */
    public static CheckEvent started(String part) {
        CheckEvent event = new CheckEvent(part);
        event.begin();
        return event;
    }

    /** Counts a wait of the request thread for the vendor (the orchestrator calls this). */
    public static void waitedForVendor(long nanos) {
        WAITED.get()[0] += nanos;
    }

    /** The check this part belonged to (a part that checked nothing, such as a page shown, is never recorded). */
    public void stage(String checked) {
        stage = checked;
    }

    /** Starts timing a part of this login's check. */
    public static CheckEvent started(String part, AuthenticationSessionModel login) {
        CheckEvent event = started(part);
        event.login(loginOf(login));
        return event;
    }

    /** The login the part belongs to ({@link #loginOf}), kept only as a keyed hash in the event. */
    public void login(String loginOf) {
        loginId = loginOf;
    }

    /** What identifies a login (its root session's id and tab), to capture before the login may be gone; or null. */
    public static String loginOf(AuthenticationSessionModel login) {
        return login == null ? null : login.getParentSession().getId() + ':' + login.getTabId();
    }

    /** Ends the part and records it when a recording wants it; never throws into the caller. */
    public void finish() {
        end();
        if (stage != null && shouldCommit()) {
            vendorWait = WAITED.get()[0] - waitedBefore;
            login = loginId == null ? null : key(loginId);
            commit();
        }
    }

    /**
     * 12 hex digits of an HMAC of the login under a key this JVM drew at start and never shows: pairs the parts of one
     * login within a recording (a recording is one JVM's), and tells nothing of the session's id (a cookie's value),
     * nor lets anyone who has that id find its events.
     */
    static String key(String loginId) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(PAIRING_KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(loginId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.GeneralSecurityException e) {
            return null;
        }
    }
}
