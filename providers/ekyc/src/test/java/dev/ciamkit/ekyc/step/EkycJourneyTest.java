package dev.ciamkit.ekyc.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.ekyc.spi.IdDocumentType;
import dev.ciamkit.ekyc.spi.IdFields;
import dev.ciamkit.ekyc.vault.EkycMethod;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The journey's end: storing a passed verification. */
class EkycJourneyTest {

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final KeycloakTransactionManager transactions = mock(KeycloakTransactionManager.class);
    private final EkycHost host = mock(EkycHost.class);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    private final EkycOrchestrator orchestrator = new EkycOrchestrator(2);

    @AfterEach
    void close() {
        orchestrator.close();
    }

    @Test
    void a_vault_that_fails_midway_rolls_the_requests_writes_back_and_the_user_may_try_again() {
        // the session has no database here: the vault fails on its first use of it, after the checks passed
        given(session.getProvider(EnvelopeProvider.class)).willReturn(new IdentityEnvelope());
        given(session.getTransactionManager()).willReturn(transactions);
        given(host.session()).willReturn(session);
        given(host.realm()).willReturn(mock(RealmModel.class));
        given(host.user()).willReturn(mock(UserModel.class));
        AuthNotes login = new AuthNotes();
        ClientModel client = mock(ClientModel.class);
        given(login.authSession.getClient()).willReturn(client);
        given(host.authSession()).willReturn(login.authSession);
        KeycloakContext context = mock(KeycloakContext.class);
        KeycloakUriInfo uri = mock(KeycloakUriInfo.class);
        UriBuilder builder = mock(UriBuilder.class, RETURNS_SELF);
        given(builder.build()).willReturn(URI.create("https://login.example/realms/r/ciamkit-ekyc/upload"));
        given(uri.getBaseUriBuilder()).willReturn(builder);
        given(context.getUri()).willReturn(uri);
        given(session.getContext()).willReturn(context);
        given(host.event()).willReturn(event);
        given(host.form()).willReturn(mock(LoginFormsProvider.class, RETURNS_SELF));
        given(host.returnUrl()).willReturn(URI.create("https://login.example/return"));
        EkycJourney journey = new EkycJourney(host, EkycPolicy.DEFAULT, orchestrator);
        EkycProgress.Person hong = EkycProgress.Person.of(new IdFields(
                IdDocumentType.RESIDENT_CARD, "홍길동", LocalDate.of(1990, 1, 1), "900101-1234567", null, null));
        EkycProgress passed = EkycProgress.start(Instant.now())
                .withPerson(hong)
                .withPersonChecked(hong)
                .withPassed(new EkycProgress.Passed(EkycMethod.ID_DOCUMENT, "ref-1", null, 1L))
                .withPassed(new EkycProgress.Passed(EkycMethod.FACE_MATCH, "ref-2", 0.9, 2L));

        StepOutcome outcome = journey.advance(passed);

        assertThat(outcome).isInstanceOf(StepOutcome.Page.class);
        then(transactions).should().setRollbackOnly();
        then(event).should().error(EkycErrors.VENDOR_UNAVAILABLE);
        then(event).should().detail(any(), any(String.class));
    }
}
