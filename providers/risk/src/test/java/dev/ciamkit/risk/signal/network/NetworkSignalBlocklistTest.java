package dev.ciamkit.risk.signal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;

import dev.ciamkit.risk.spi.RiskInput;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.SignalResult;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The realm's block list (filled by the audit anomaly rules) counts like the deny list. */
class NetworkSignalBlocklistTest {

    private final NetworkSignal signal = new NetworkSignal(new NetworkSignalFactory());

    @SuppressWarnings("unchecked")
    private static RiskInput from(String address, List<String> blockedRows) {
        return from(address, blockedRows, RiskPhase.LOGIN, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static RiskInput from(
            String address, List<String> blockedRows, RiskPhase phase, Map<String, String> config) {
        KeycloakSession session = mock(KeycloakSession.class);
        JpaConnectionProvider jpa = mock(JpaConnectionProvider.class);
        EntityManager em = mock(EntityManager.class);
        TypedQuery<String> query = mock(TypedQuery.class, RETURNS_SELF);
        given(session.getProvider(JpaConnectionProvider.class)).willReturn(jpa);
        given(jpa.getEntityManager()).willReturn(em);
        given(em.createQuery(anyString(), eq(String.class))).willReturn(query);
        given(query.setParameter(anyString(), any())).willReturn(query);
        given(query.setMaxResults(anyInt())).willReturn(query);
        given(query.getResultList()).willReturn(blockedRows);
        RealmModel realm = mock(RealmModel.class);
        given(realm.getId()).willReturn("realm-id");
        return new RiskInput(session, realm, null, phase, address, "", null, null, null, config, Instant.now());
    }

    @Test
    void a_blocked_address_is_decisive_with_the_deny_points() {
        SignalResult result = signal.evaluate(from("198.51.100.7", List.of("row-id")));
        assertThat(result.state()).isEqualTo(SignalResult.State.FIRED);
        assertThat(result.reason()).isEqualTo("blocked_address");
    }

    @Test
    void at_a_token_refresh_a_block_adds_points_but_never_ends_the_session_by_itself() {
        SignalResult result = signal.evaluate(from("198.51.100.7", List.of("row-id"), RiskPhase.REFRESH, Map.of()));
        assertThat(result.reason()).isEqualTo("blocked_address");
        assertThat(result.decisive()).isFalse();
        assertThat(signal.evaluate(from("198.51.100.7", List.of("row-id"))).decisive())
                .isTrue();
    }

    @Test
    void an_allow_listed_network_is_never_shut_out_by_a_block() {
        SignalResult result = signal.evaluate(from(
                "198.51.100.7",
                List.of("row-id"),
                RiskPhase.LOGIN,
                Map.of(NetworkSignalFactory.ALLOW, "198.51.100.0/24")));
        assertThat(result.reason()).isEqualTo("allow_listed");
    }

    @Test
    void an_address_not_on_the_list_is_clear() {
        assertThat(signal.evaluate(from("198.51.100.7", List.of())).reason()).isEqualTo("not_listed");
    }
}
