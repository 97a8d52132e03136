package dev.ciamkit.audit.review;

import dev.ciamkit.audit.chain.ChainHash;
import dev.ciamkit.audit.config.AuditRealmConfig;
import dev.ciamkit.audit.trail.AuditTrail;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import org.keycloak.common.util.Time;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code GET /admin/realms/{realm}/ciamkit-audit/review?month=YYYY-MM&format=csv|html&locale=en|ko|ja}: the monthly
 * access-record review (view-events; the month in the realm's time zone; the page's headings in the language asked
 * for, else the admin's). The download is itself an admin event.
 */
public final class ReviewEndpoint {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final Semaphore verifying;
    private final BiConsumer<String, Map<String, String>> record;

    /**
     * @param verifying held while the month's chain is checked (one check at a time on a node)
     * @param record writes the admin event of the download
     */
    public ReviewEndpoint(
            KeycloakSession session,
            RealmModel realm,
            AdminPermissionEvaluator auth,
            Semaphore verifying,
            BiConsumer<String, Map<String, String>> record) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.verifying = verifying;
        this.record = record;
    }

    @GET
    public Response download(
            @QueryParam("month") String month,
            @QueryParam("format") @DefaultValue("csv") String format,
            @QueryParam("locale") String locale) {
        auth.realm().requireViewEvents();
        ReviewDownload download = ReviewDownload.of(format)
                .orElseThrow(() -> ErrorResponse.error("format must be csv or html", Response.Status.BAD_REQUEST));
        ReviewMonth reviewed = ReviewMonth.parse(
                        month, AuditRealmConfig.of(realm).timeZone())
                .orElseThrow(() -> ErrorResponse.error(
                        "month must be a month as YYYY-MM, e.g. 2026-11", Response.Status.BAD_REQUEST));
        ReviewMessages messages = ReviewMessages.of(session, auth.adminAuth().getUser(), locale);
        if (!verifying.tryAcquire()) {
            throw new WebApplicationException(Response.status(429)
                    .entity(Map.of("error", "a verification is running; try again"))
                    .build());
        }
        ReviewReport report;
        try {
            report = build(reviewed);
        } finally {
            verifying.release();
        }
        record.accept(
                "review",
                Map.of(
                        "ciamkit_month", reviewed.month().toString(),
                        "ciamkit_format", download.name().toLowerCase(Locale.ROOT),
                        "ciamkit_intact", Boolean.toString(report.check().intact())));
        if (download == ReviewDownload.HTML) {
            // Keycloak's filter would put the realm's page policy over the report's stricter one
            session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        }
        return download.response(report, messages);
    }

    private ReviewReport build(ReviewMonth reviewed) {
        String realmId = realm.getId();
        String realmName = realm.getName();
        EnvelopeProvider keys = session.getProvider(EnvelopeProvider.class);
        return KeycloakModelUtils.runJobInTransactionWithResult(
                session.getKeycloakSessionFactory(),
                s -> new ReviewQueries(AuditTrail.em(s), realmId, reviewed)
                        .report(
                                realmName,
                                Time.currentTimeMillis(),
                                (mac, hash) -> keys.identifierMatches(mac, ChainHash.MAC_PURPOSE, hash)));
    }
}
