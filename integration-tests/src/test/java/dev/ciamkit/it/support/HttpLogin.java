package dev.ciamkit.it.support;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One browser-less login of the demo app's client over plain HTTP, with its own cookies: for tests that need many
 * authentication sessions at once. Forms are read with jsoup; redirects are not followed, so the last response says
 * where the flow went.
 */
public final class HttpLogin {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    // Keycloak marks its cookies Secure; a browser sends them to http://localhost, java.net's CookieManager does not.
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final Map<String, String> headers;
    private final String baseUrl;
    private Document page;
    private String verifier;

    public HttpLogin() {
        this(KeycloakServer.BASE_URL, Map.of());
    }

    /**
     * A client of the server at this base URL (e.g. {@code http://127.0.0.1:8080}, the trusted proxy's address, or
     * {@code http://[::1]:8080}, a peer that is not) that sends these headers on every request (a proxy's {@code
     * X-Forwarded-For}, a user agent).
     */
    public HttpLogin(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    /**
     * Opens the demo app's login in this realm (extra authorization parameters such as {@code acr_values}) and signs
     * in with the test password, keeping this client's cookies. Returns the answer to the password: a page (then
     * {@link #page()} is it) or the redirect to the app.
     */
    public HttpResponse<String> signIn(String realm, String username, Map<String, String> authParams)
            throws IOException, InterruptedException {
        HttpResponse<String> authorize = authorize(realm, authParams);
        // a pushed request (request_uri) is answered by a redirect to the login page of its authentication session
        Optional<String> loginPage = authorize.statusCode() == 302
                ? authorize.headers().firstValue("Location").filter(to -> to.contains("/login-actions/"))
                : Optional.empty();
        if (loginPage.isPresent()) {
            authorize = send(HttpRequest.newBuilder(URI.create(loginPage.get())).GET());
        }
        page = read(authorize);
        HttpResponse<String> answer =
                post("kc-form-login", Map.of("username", username, "password", TestUsers.PASSWORD, "credentialId", ""));
        if (answer.statusCode() == 200) {
            page = read(answer);
        }
        return answer;
    }

    /**
     * Sends the demo app's authorization request with this client's cookies (an SSO session it already has) and
     * these extra parameters; returns the answer, the redirect to the app when no page is needed.
     */
    public HttpResponse<String> authorize(String realm, Map<String, String> authParams)
            throws IOException, InterruptedException {
        Oidc.Pkce pkce = Oidc.Pkce.create();
        verifier = pkce.verifier();
        Map<String, String> params = new java.util.HashMap<>(authParams);
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        return send(HttpRequest.newBuilder(URI.create(Oidc.authorizationUrl(
                        baseUrl, realm, DemoApp.REDIRECT_URI, UUID.randomUUID().toString(), params)))
                .GET());
    }

    /** Exchanges the code of the app redirect that ended this client's last sign-in for tokens. */
    public Oidc.TokenResponse tokens(String realm, HttpResponse<String> redirect) throws IOException {
        String code = Oidc.query(redirect.headers().firstValue("Location").orElseThrow())
                .get("code");
        return Oidc.exchangeCode(baseUrl, realm, code, DemoApp.REDIRECT_URI, verifier);
    }

    /** A refresh-token grant from this client (its headers: a proxy's {@code X-Forwarded-For}...). */
    public HttpResponse<String> refresh(String realm, String refreshToken) throws IOException, InterruptedException {
        String body = "grant_type=refresh_token&client_id=" + Oidc.DEMO_APP + "&refresh_token="
                + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Opens the login and posts this password (a guess); returns the answer. */
    public HttpResponse<String> signInWithPassword(String realm, String username, String password)
            throws IOException, InterruptedException {
        Oidc.Pkce pkce = Oidc.Pkce.create();
        page = read(send(HttpRequest.newBuilder(URI.create(Oidc.authorizationUrl(
                        baseUrl,
                        realm,
                        DemoApp.REDIRECT_URI,
                        UUID.randomUUID().toString(),
                        Map.of("code_challenge", pkce.challenge(), "code_challenge_method", "S256"))))
                .GET()));
        return post("kc-form-login", Map.of("username", username, "password", password, "credentialId", ""));
    }

    /** Sets a cookie as if an earlier response had (a forged or broken one, for hostile-input tests). */
    public HttpLogin withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    public Document page() {
        return page;
    }

    /** Forgets the SSO cookies (a new login in the same browser), keeping every other cookie. */
    public void forgetSession() {
        cookies.keySet().removeIf(name -> name.startsWith("KEYCLOAK_") || name.startsWith("AUTH_SESSION"));
    }

    /** Opens the login and signs in with the test password; the next page is our OTP form. */
    public static HttpLogin toOtpForm(String realm, String username) throws Exception {
        HttpLogin login = new HttpLogin();
        Oidc.Pkce pkce = Oidc.Pkce.create();
        String url = Oidc.authorizationUrl(
                realm,
                DemoApp.REDIRECT_URI,
                UUID.randomUUID().toString(),
                Map.of("code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
        login.page =
                login.read(login.send(HttpRequest.newBuilder(URI.create(url)).GET()));
        HttpResponse<String> otpPage = login.post(
                "kc-form-login", Map.of("username", username, "password", TestUsers.PASSWORD, "credentialId", ""));
        login.page = login.read(otpPage);
        if (login.page.getElementById("ciamkit-otp-form") == null) {
            throw new IllegalStateException("no OTP form after the password: HTTP " + otpPage.statusCode());
        }
        return login;
    }

    /** Posts a code on our OTP form for the device it preselects. */
    public HttpResponse<String> submitOtp(String code) throws IOException, InterruptedException {
        Element form = page.getElementById("ciamkit-otp-form");
        Element device = form.selectFirst("input[name=deviceId][checked], input[name=deviceId][type=hidden]");
        HttpResponse<String> answer =
                post("ciamkit-otp-form", Map.of("otp", code, "deviceId", device == null ? "" : device.val()));
        if (answer.statusCode() == 200) {
            page = read(answer);
        }
        return answer;
    }

    private HttpResponse<String> post(String formId, Map<String, String> fields)
            throws IOException, InterruptedException {
        Element form = page.getElementById(formId);
        if (form == null) {
            throw new IllegalStateException("no form " + formId + " on the page");
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("set-cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return response;
    }

    private Document read(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("expected a page, got HTTP " + response.statusCode()
                    + response.headers()
                            .firstValue("Location")
                            .map(to -> " to " + to)
                            .orElse(""));
        }
        return Jsoup.parse(response.body(), response.uri().toString());
    }
}
