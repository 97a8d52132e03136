package dev.ciamkit.risk.engine;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import dev.ciamkit.risk.spi.SignalResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Asks every enabled signal (weight above 0 in the realm's config, and meaningful in this phase) and scores the
 * answers. A signal that throws is reported as unknown: the assessment always comes back.
 */
public final class RiskEngine {

    private static final Logger LOG = Logger.getLogger(RiskEngine.class);

    private RiskEngine() {}

    public static RiskAssessment assess(RiskInput input) {
        long start = System.nanoTime();
        RiskAssessment assessment = assessOrUnavailable(input);
        RiskMetrics.global().evaluated(input.phase(), start);
        return assessment;
    }

    private static RiskAssessment assessOrUnavailable(RiskInput input) {
        try {
            KeycloakSessionFactory factories = input.session().getKeycloakSessionFactory();
            List<RiskScoring.Weighted> weighted = new ArrayList<>();
            factories
                    .getProviderFactoriesStream(RiskSignal.class)
                    .map(RiskSignalFactory.class::cast)
                    .sorted(Comparator.comparing(RiskSignalFactory::getId))
                    .forEach(factory -> {
                        int weight = weight(factory, input);
                        if (weight > 0 && (input.phase() == RiskPhase.LOGIN || factory.usefulAtRefresh())) {
                            weighted.add(new RiskScoring.Weighted(ask(factory, input), weight));
                        }
                    });
            RiskScoring scoring = RiskScoring.from(input.config());
            return (input.phase() == RiskPhase.REFRESH ? scoring.withoutEvidenceMinimum() : scoring)
                    .assess(weighted, input.now());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "CIAM Kit: risk assessment failed (%s), treated as unavailable",
                    e.getClass().getSimpleName());
            return RiskAssessment.unavailable(input.now());
        }
    }

    static int weight(RiskSignalFactory factory, RiskInput input) {
        return BoundedInt.read(
                input.config(), RiskSignalFactory.weightKey(factory.getId()), factory.defaultWeight(), 0, 100);
    }

    private static SignalResult ask(RiskSignalFactory factory, RiskInput input) {
        SignalResult result = askSafely(factory, input);
        RiskMetrics.global().answered(factory.getId(), result.state());
        return result;
    }

    private static SignalResult askSafely(RiskSignalFactory factory, RiskInput input) {
        try {
            SignalResult result = input.session()
                    .getProvider(RiskSignal.class, factory.getId())
                    .evaluate(input);
            return result == null ? SignalResult.unknown(factory.getId(), "no_result") : result;
        } catch (RuntimeException e) {
            // No message: it may hold what the signal was reading (an address, a header).
            LOG.warnf(
                    "CIAM Kit: risk signal %s failed (%s)",
                    factory.getId(), e.getClass().getSimpleName());
            return SignalResult.unknown(factory.getId(), "signal_failed");
        }
    }
}
