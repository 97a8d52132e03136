package dev.ciamkit.common.bruteforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

class FactorAttemptsTest {

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final KeycloakContext context = mock(KeycloakContext.class);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final ClientConnection connection = mock(ClientConnection.class);
    private final KeycloakUriInfo uri = mock(KeycloakUriInfo.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);

    @BeforeEach
    void wire() {
        given(session.getContext()).willReturn(context);
        given(session.getProvider(BruteForceProtector.class)).willReturn(protector);
        given(context.getConnection()).willReturn(connection);
        given(context.getUri()).willReturn(uri);
        given(realm.isBruteForceProtected()).willReturn(true);
    }

    @Nested
    class In_a_protected_realm {

        @Test
        void a_failure_is_reported_once_as_keycloaks_second_factor_category() {
            FactorAttempts.failed(session, realm, user);

            verify(protector).failedLogin(realm, user, connection, uri, Set.of("otp"));
        }

        @Test
        void a_success_is_reported_as_the_second_factor_so_its_failures_clear() {
            FactorAttempts.succeeded(session, realm, user);

            verify(protector).successfulLogin(realm, user, connection, uri, Set.of("otp"));
        }

        @Test
        void a_user_is_locked_when_the_protector_holds_them_temporarily_or_permanently() {
            assertThat(FactorAttempts.locked(session, realm, user)).isFalse();

            given(protector.isTemporarilyDisabled(session, realm, user)).willReturn(true);
            assertThat(FactorAttempts.locked(session, realm, user)).isTrue();

            given(protector.isTemporarilyDisabled(session, realm, user)).willReturn(false);
            given(protector.isPermanentlyLockedOut(session, realm, user)).willReturn(true);
            assertThat(FactorAttempts.locked(session, realm, user)).isTrue();
        }

        @Test
        void without_a_user_nothing_is_reported() {
            FactorAttempts.failed(session, realm, null);
            FactorAttempts.succeeded(session, realm, null);

            assertThat(FactorAttempts.locked(session, realm, null)).isFalse();
            verifyNoInteractions(protector);
        }
    }

    @Nested
    class In_a_realm_without_brute_force_protection {

        @BeforeEach
        void unprotected() {
            given(realm.isBruteForceProtected()).willReturn(false);
        }

        @Test
        void nothing_is_reported_and_nobody_is_locked() {
            FactorAttempts.failed(session, realm, user);
            FactorAttempts.succeeded(session, realm, user);

            assertThat(FactorAttempts.locked(session, realm, user)).isFalse();
            verifyNoInteractions(protector);
        }
    }

    @Test
    void the_category_is_the_one_keycloak_counts_for_max_secondary_auth_failures() {
        // DefaultBruteForceProtector.OTP_CATEGORY; its failedLogin drops categories outside password/otp/recovery.
        assertThat(FactorAttempts.SECOND_FACTOR_CATEGORY).isEqualTo("otp");
    }
}
