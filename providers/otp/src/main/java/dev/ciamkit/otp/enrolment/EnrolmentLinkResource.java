package dev.ciamkit.otp.enrolment;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/ciamkit-otp/enrol/{token}}: the page the SMS link opens on the phone. GET only shows a button
 * (link previews and scanners must not use up the link); POST takes the link out of the store and shows the
 * {@code otpauth://} link and the text key. An unknown, used or expired token gets the same friendly page.
 */
public final class EnrolmentLinkResource {

    static final String TEMPLATE = "ciamkit-otp-link.ftl";

    private final KeycloakSession session;

    EnrolmentLinkResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("enrol/{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@PathParam("token") String token) {
        if (!EnrolmentLinks.exists(session, token)) {
            return expired();
        }
        return form().setAttribute("ciamkitLinkState", "confirm").createForm(TEMPLATE);
    }

    @POST
    @Path("enrol/{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response open(@PathParam("token") String token) {
        return EnrolmentLinks.consume(session, token)
                .map(link -> {
                    try {
                        String uri = OtpAuthUri.of(
                                link.issuer(), link.account(), link.seed(), PendingEnrolment.decode(link.policy()));
                        return form().setAttribute("ciamkitLinkState", "open")
                                .setAttribute("ciamkitOtpAuthUri", uri)
                                .setAttribute("ciamkitKey", OtpAuthUri.grouped(OtpAuthUri.base32(link.seed())))
                                .createForm(TEMPLATE);
                    } finally {
                        Arrays.fill(link.seed(), (byte) 0);
                    }
                })
                .orElseGet(this::expired);
    }

    private Response expired() {
        return Response.status(Response.Status.GONE)
                .entity(form().setAttribute("ciamkitLinkState", "expired")
                        .createForm(TEMPLATE)
                        .getEntity())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private LoginFormsProvider form() {
        return session.getProvider(LoginFormsProvider.class);
    }
}
