package dev.ciamkit.ekyc.upload;

import dev.ciamkit.ekyc.metrics.CheckEvent;
import dev.ciamkit.ekyc.step.PendingForm;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.FormPartValue;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * {@code POST /realms/{realm}/ciamkit-ekyc/upload?client_id=..&tab_id=..}: receives an eKYC page with an image
 * (multipart), keeps it sealed in the user's login and sends the browser back (303) to the step, which reads it. Only
 * the login of this browser (its session cookie), with the token of the page last rendered, and only the known fields.
 */
public final class EkycUploadResource implements RealmResourceProvider {

    /** The most bytes read of one image; the step applies the realm's own, smaller limit. */
    static final int MAX_FILE_BYTES = 8 << 20;

    /** The text fields of the image pages (the confirm page's names and its "use an account instead" button). */
    static final Set<String> TEXT_FIELDS = Set.of("familyName", "givenName", "useAccount");

    private final KeycloakSession session;

    EkycUploadResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@QueryParam("client_id") String clientId, @QueryParam("tab_id") String tabId) {
        CheckEvent event = CheckEvent.started(CheckEvent.UPLOAD);
        try {
            return receive(clientId, tabId, event);
        } finally {
            event.finish();
        }
    }

    /** @param event told which image the post carried (its stage is the page's image field) */
    private Response receive(String clientId, String tabId, CheckEvent event) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        AuthenticationSessionModel authSession = client == null || tabId == null
                ? null
                : new AuthenticationSessionManager(session).getCurrentAuthenticationSession(realm, client, tabId);
        if (authSession == null) {
            return expired();
        }
        session.getContext().setAuthenticationSession(authSession);
        event.login(CheckEvent.loginOf(authSession));
        MultivaluedMap<String, FormPartValue> parts =
                session.getContext().getHttpRequest().getMultiPartFormParameters();
        Optional<String> back = PendingForm.returnUrl(authSession);
        if (back.isEmpty() || !PendingForm.spendToken(authSession, text(parts, PendingForm.TOKEN_FIELD))) {
            return expired();
        }
        Map<String, String> fields = new HashMap<>();
        for (String name : TEXT_FIELDS) {
            String value = text(parts, name);
            if (value != null) {
                fields.put(name, value);
            }
        }
        // only the image the page asks for, and no more of it than the step accepts (one byte more tells it apart)
        Map<String, String> files = new HashMap<>();
        Optional<PendingForm.ExpectedUpload> expected = PendingForm.expectedUpload(authSession);
        if (expected.isPresent()) {
            event.stage(expected.get().field());
            int limit = Math.min(expected.get().maxBytes(), MAX_FILE_BYTES);
            byte[] bytes = file(parts, expected.get().field(), limit);
            if (bytes != null && bytes.length > 0) {
                files.put(expected.get().field(), Base64.getEncoder().encodeToString(bytes));
            }
        }
        new PendingForm(fields, files).keep(session, authSession);
        return Response.seeOther(URI.create(back.get())).build();
    }

    private static String text(MultivaluedMap<String, FormPartValue> parts, String name) {
        FormPartValue part = parts == null ? null : parts.getFirst(name);
        if (part == null) {
            return null;
        }
        try (InputStream in = part.asInputStream()) {
            byte[] bytes = in.readNBytes(201);
            String value = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
            return value.isEmpty() || bytes.length > 200 ? null : value;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The part's bytes, at most one more than {@code limit} (so the step can say it is too large). */
    private static byte[] file(MultivaluedMap<String, FormPartValue> parts, String name, int limit) {
        FormPartValue part = parts == null ? null : parts.getFirst(name);
        if (part == null) {
            return null;
        }
        try (InputStream in = part.asInputStream()) {
            return in == null ? null : in.readNBytes(limit + 1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The login is gone or the page is not the one last shown: the stock "page expired" page, in the user's language. */
    private Response expired() {
        return session.getProvider(LoginFormsProvider.class)
                .setError("ciamkitEkycStartOver")
                .createErrorPage(Response.Status.BAD_REQUEST);
    }

    @Override
    public void close() {}
}
