package dev.ciamkit.bench.ekyc;

import dev.ciamkit.bench.load.Pkce;
import dev.ciamkit.ekyc.sandbox.TestImages;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One user's application-initiated verification over plain HTTP, each request timed: the authorization request with
 * {@code kc_action=ciamkit-ekyc-verify} (Keycloak's login page), the password (Keycloak's form, answered with a redirect
 * to the required action), our ID page, then the two checks. A check is what a browser does for one press of the button: the multipart post to
 * {@code /realms/{realm}/ciamkit-ekyc/upload}, whose 303 it follows back to the step, which calls the gateway and
 * answers with the next page (OCR: the confirm page) or, at the end, the redirect to the application with the code.
 */
final class VerificationRun {

    static final String REDIRECT_URI = "http://localhost:8765/callback";
    static final String CLIENT = "ciamkit-demo-app";
    static final String REQUIRED_ACTION = "ciamkit-ekyc-verify";

    private static final PageClient.FilePart ID = image(TestImages.ID_HONG);
    private static final PageClient.FilePart SELFIE = image(TestImages.SELFIE_HONG);

    /**
     * Milliseconds of each timed part: Keycloak's login page, its password POST (answered with a redirect to the
     * required action), our ID page (the required action's first page, no gateway call), the two checks with the
     * upload post of each (the rest of a check is the step's answer to the browser coming back), and the whole
     * verification from the ID post to the redirect to the application.
     */
    record Timings(
            double loginPage,
            double password,
            double idPage,
            double idCheck,
            double idUpload,
            double confirmCheck,
            double confirmUpload,
            double whole) {}

    private final HttpClient http;
    private final String baseUrl;
    private final String realm;

    VerificationRun(HttpClient http, String baseUrl, String realm) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.realm = realm;
    }

    Timings run(String username) throws IOException, InterruptedException {
        PageClient browser = new PageClient(http);
        long t0 = System.nanoTime();
        Document login = PageClient.page(browser.get(authorizationUrl()));
        long t1 = System.nanoTime();
        HttpResponse<String> afterPassword = browser.postForm(
                action(login, "kc-form-login"),
                Map.of("username", username, "password", BenchAdmin.PASSWORD, "credentialId", ""));
        long t2 = System.nanoTime();
        Document idPage = PageClient.page(browser.get(PageClient.location(afterPassword, 302)));
        form(idPage, "ciamkit-ekyc-id-form");

        long t3 = System.nanoTime();
        long[] idUploaded = new long[1];
        Document confirmPage =
                PageClient.page(check(browser, idPage, "ciamkit-ekyc-id-form", "idImage", ID, idUploaded));
        long t4 = System.nanoTime();
        Element confirm = form(confirmPage, "ciamkit-ekyc-confirm-form");
        long[] selfieUploaded = new long[1];
        HttpResponse<String> done = check(browser, confirmPage, confirm.id(), "selfie", SELFIE, selfieUploaded);
        long t5 = System.nanoTime();
        String app = PageClient.location(done, 302);
        if (!app.startsWith(REDIRECT_URI) || !app.contains("code=")) {
            throw new IllegalStateException("the verification did not end at the application: " + app);
        }
        return new Timings(
                ms(t1 - t0),
                ms(t2 - t1),
                ms(t3 - t2),
                ms(t4 - t3),
                ms(idUploaded[0] - t3),
                ms(t5 - t4),
                ms(selfieUploaded[0] - t4),
                ms(t5 - t3));
    }

    /**
     * One press of a page's button: the multipart post with the page's fields and the image, then its 303.
     *
     * @param uploaded gets the {@link System#nanoTime()} at which the upload's answer arrived
     */
    private static HttpResponse<String> check(
            PageClient browser,
            Document page,
            String formId,
            String fileField,
            PageClient.FilePart file,
            long[] uploaded)
            throws IOException, InterruptedException {
        Element form = form(page, formId);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]:not([type=file])")) {
            fields.put(input.attr("name"), input.val());
        }
        HttpResponse<String> posted = browser.postMultipart(form.absUrl("action"), fields, Map.of(fileField, file));
        uploaded[0] = System.nanoTime();
        return browser.get(PageClient.location(posted, 303));
    }

    private String authorizationUrl() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", CLIENT);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("redirect_uri", REDIRECT_URI);
        params.put("state", UUID.randomUUID().toString());
        params.put("kc_action", REQUIRED_ACTION);
        params.put("code_challenge", Pkce.create().challenge());
        params.put("code_challenge_method", "S256");
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/auth?"
                + params.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static Element form(Document page, String id) {
        Element form = page.getElementById(id);
        if (form == null) {
            throw new IllegalStateException("no form " + id + " on the page: " + page.title() + " "
                    + page.select(".pf-v5-c-alert__title, .kc-feedback-text, [id$=-error]")
                            .text());
        }
        return form;
    }

    private static String action(Document page, String formId) {
        return form(page, formId).absUrl("action");
    }

    private static PageClient.FilePart image(String name) {
        return new PageClient.FilePart(name, TestImages.mediaType(name), TestImages.bytes(name));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
