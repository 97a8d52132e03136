package dev.ciamkit.risk.signal.transaction;

import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.SignalResult;
import java.math.BigDecimal;
import java.util.Optional;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The transaction a client asked the login for, against the client's threshold. Only values from a signed request
 * object or a confidential client's pushed request (recorded by the {@code ciamkit-risk-transaction} executor) are
 * trusted; values from the query string are reported as {@code transaction_unverified} with a few points, whatever the
 * amount, so they can raise a level and never lower one. A login without a transaction is neither risky nor evidence.
 * Never decisive: a large transfer asks for another factor, it does not refuse the login.
 */
final class TransactionSignal implements RiskSignal {

    static final String ID = "transaction";
    static final String NONE = "no_transaction";
    static final String UNDER = "transaction_under_threshold";
    static final String OVER = "transaction_over_threshold";
    static final String HIGH = "transaction_high_value";
    static final String CURRENCY_MISMATCH = "transaction_currency_mismatch";
    static final String UNVERIFIED = "transaction_unverified";

    @Override
    public SignalResult evaluate(RiskInput input) {
        Optional<TransactionClaim> found = claim(input.authSession());
        if (found.isEmpty()) {
            return SignalResult.clear(ID, NONE);
        }
        TransactionClaim claim = found.get();
        TransactionConfig config = TransactionConfig.read(input.config());
        if (claim.problem() != null) {
            // bad values are treated as unverified: a few points, and never evidence
            return SignalResult.fired(ID, config.unverifiedPoints(), claim.problem());
        }
        if (!claim.verified()) {
            return SignalResult.fired(ID, config.unverifiedPoints(), UNVERIFIED);
        }
        AuthenticationSessionModel auth = input.authSession();
        String clientId = auth.getClient() == null ? null : auth.getClient().getClientId();
        TransactionConfig.Threshold threshold = config.thresholdFor(clientId);
        if (!threshold.currency().equals(claim.currency())) {
            // no exchange rates here: an amount that cannot be compared is treated as one over the threshold
            return SignalResult.fired(ID, config.overPoints(), CURRENCY_MISMATCH);
        }
        if (claim.amount().compareTo(threshold.amount().multiply(BigDecimal.valueOf(config.highMultiple()))) >= 0) {
            return SignalResult.fired(ID, config.highPoints(), HIGH);
        }
        if (claim.amount().compareTo(threshold.amount()) >= 0) {
            return SignalResult.fired(ID, config.overPoints(), OVER);
        }
        // under the threshold: nothing risky, but nothing about the user either (no evidence toward LOW)
        return SignalResult.clear(ID, UNDER);
    }

    /**
     * The verified claim our executor recorded in the authorization request, else the raw parameters Keycloak kept as
     * client notes (at most 5 of 2,000 characters by default), as unverified.
     */
    static Optional<TransactionClaim> claim(AuthenticationSessionModel auth) {
        if (auth == null) {
            return Optional.empty();
        }
        Optional<TransactionClaim> recorded = TransactionClaim.decode(auth.getClientNote(TransactionRecorder.NOTE));
        if (recorded.isPresent()) {
            return recorded;
        }
        return TransactionParser.parse(
                name -> auth.getClientNote(
                        AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + name),
                TransactionClaim.Source.UNVERIFIED);
    }
}
