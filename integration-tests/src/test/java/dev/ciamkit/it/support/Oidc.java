package dev.ciamkit.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What an OIDC client does over HTTP: PKCE, authorization URLs, token requests. */
public final class Oidc {

    public static final String REALM = "ciamkit-demo";
    public static final String DEMO_APP = "ciamkit-demo-app";
    public static final String API_CLIENT = "ciamkit-api";
    public static final String API_SECRET = "ciamkit-demo-api-secret";
    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "CiamKit-demo-2026";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Oidc() {}

    public record Pkce(String verifier, String challenge) {
        public static Pkce create() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(
                        verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public record TokenResponse(int status, JsonNode body) {}

    public static String realmUrl() {
        return realmUrl(REALM);
    }

    public static String realmUrl(String realm) {
        return realmUrl(KeycloakServer.BASE_URL, realm);
    }

    /** A realm on another server than the main one (a cluster node). */
    public static String realmUrl(String baseUrl, String realm) {
        return baseUrl + "/realms/" + realm;
    }

    public static String authorizationUrl(String redirectUri, String state, Map<String, String> extra) {
        return authorizationUrl(REALM, redirectUri, state, extra);
    }

    public static String authorizationUrl(String realm, String redirectUri, String state, Map<String, String> extra) {
        return authorizationUrl(KeycloakServer.BASE_URL, realm, redirectUri, state, extra);
    }

    public static String authorizationUrl(
            String baseUrl, String realm, String redirectUri, String state, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", DEMO_APP);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("redirect_uri", redirectUri);
        params.put("state", state);
        params.putAll(extra);
        return realmUrl(baseUrl, realm) + "/protocol/openid-connect/auth?" + form(params);
    }

    public static String authorizationUrl(String redirectUri, String state, Pkce pkce) {
        return authorizationUrl(
                redirectUri, state, Map.of("code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
    }

    public static TokenResponse exchangeCode(String code, String redirectUri, String verifier) throws IOException {
        return exchangeCode(REALM, code, redirectUri, verifier);
    }

    public static TokenResponse exchangeCode(String realm, String code, String redirectUri, String verifier)
            throws IOException {
        return exchangeCode(KeycloakServer.BASE_URL, realm, code, redirectUri, verifier);
    }

    public static TokenResponse exchangeCode(
            String baseUrl, String realm, String code, String redirectUri, String verifier) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("client_id", DEMO_APP);
        params.put("code", code);
        params.put("redirect_uri", redirectUri);
        if (verifier != null) {
            params.put("code_verifier", verifier);
        }
        return token(baseUrl, realm, params);
    }

    public static TokenResponse clientCredentials(String clientId, String secret) throws IOException {
        return token(REALM, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The claims of a JWT, read without verifying it (the tests only look at what the server put in). */
    public static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    public static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    public static HttpResponse<String> get(String url, String acceptLanguage) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept-Language", acceptLanguage)
                .build();
        return send(request);
    }

    /** A token request with any parameters (password grant, refresh...) to a realm's token endpoint. */
    /**
     * An access token of the realm's API client ({@link #API_CLIENT}) by client credentials, with a secret generated
     * for it now, from the server at this base URL (its issuer is that server's address).
     */
    public static String apiClientToken(
            String baseUrl, org.keycloak.admin.client.resource.RealmResource realm, String name) throws IOException {
        var clients = realm.clients();
        String id = clients.findByClientId(API_CLIENT).get(0).getId();
        String secret = clients.get(id).generateNewSecret().getValue();
        String token = token(
                        baseUrl,
                        name,
                        Map.of("grant_type", "client_credentials", "client_id", API_CLIENT, "client_secret", secret))
                .body()
                .path("access_token")
                .asText();
        if (token.isEmpty()) {
            throw new IllegalStateException("no client-credentials token for " + API_CLIENT + " in " + name);
        }
        return token;
    }

    public static TokenResponse token(String realm, Map<String, String> params) throws IOException {
        return token(KeycloakServer.BASE_URL, realm, params);
    }

    public static TokenResponse token(String baseUrl, String realm, Map<String, String> params) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(realmUrl(baseUrl, realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                .build();
        HttpResponse<String> response = send(request);
        return new TokenResponse(response.statusCode(), JSON.readTree(response.body()));
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
