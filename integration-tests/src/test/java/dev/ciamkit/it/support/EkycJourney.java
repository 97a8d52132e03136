package dev.ciamkit.it.support;

import dev.ciamkit.ekyc.sandbox.EkycSandbox;
import dev.ciamkit.ekyc.sandbox.TestImages;
import dev.ciamkit.it.pages.EkycPage;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

/** Steps of the eKYC pages that several tests take, and what they read of the server afterwards. */
public final class EkycJourney {

    public static final String REQUIRED_ACTION = "ciamkit-ekyc-verify";
    public static final String CREDENTIAL_TYPE = "ciamkit-ekyc";
    public static final String BANK = "004";
    public static final String ACCOUNT = "1234567890123";

    private EkycJourney() {}

    /**
     * Application-initiated verification: the demo app asks for the required action and the user signs in; the
     * browser is then on the ID page. The journey's {@link OtpJourney#finish} takes the tokens at the end.
     */
    public static OtpJourney startVerification(Browser browser, TestRealm realm, TestUser user) {
        return new OtpJourney(browser, realm.name())
                .start(Map.of("kc_action", REQUIRED_ACTION))
                .password(user.username());
    }

    /** From the ID page to the confirm page with Hong Gildong's ID. */
    public static EkycPage.ConfirmPage sendHongsId(Browser browser, EkycPage.IdPage page) {
        page.send(EkycGateway.image(TestImages.ID_HONG));
        return new EkycPage.ConfirmPage(browser);
    }

    /** From the code page: the memo code the sandbox put in the deposit. */
    public static String memoCode() {
        return EkycSandbox.memoCode(BANK, ACCOUNT);
    }

    public static List<CredentialRepresentation> verifications(TestRealm realm, TestUser user) {
        return realm.resource().users().get(user.id()).credentials().stream()
                .filter(c -> CREDENTIAL_TYPE.equals(c.getType()))
                .toList();
    }

    /** The user's events with this error code, newest first. */
    /** The realm role that reads the eKYC vault's records. */
    public static final String VIEWER_ROLE = "ciamkit-ekyc-viewer";

    /**
     * A token of the realm's API client whose service account holds the viewer role and no admin role, from the server
     * at this base URL. The client has no full scope: the role reaches its tokens through a scope mapping.
     */
    public static String viewerToken(String baseUrl, RealmResource realm, String name) throws java.io.IOException {
        var clients = realm.clients();
        String client = clients.findByClientId(Oidc.API_CLIENT).get(0).getId();
        var account = clients.get(client).getServiceAccountUser();
        var role = realm.roles().get(VIEWER_ROLE).toRepresentation();
        realm.users().get(account.getId()).roles().realmLevel().add(List.of(role));
        if (clients.get(client).getScopeMappings().realmLevel().listAll().stream()
                .noneMatch(r -> VIEWER_ROLE.equals(r.getName()))) {
            clients.get(client).getScopeMappings().realmLevel().add(List.of(role));
        }
        return Oidc.apiClientToken(baseUrl, realm, name);
    }

    public static List<EventRepresentation> errors(TestRealm realm, TestUser user, String error) {
        return realm.resource().getEvents(null, null, user.id(), null, null, null, 0, 500).stream()
                .filter(e -> error.equals(e.getError()))
                .toList();
    }
}
