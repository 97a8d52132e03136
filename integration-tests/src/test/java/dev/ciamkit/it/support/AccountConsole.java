package dev.ciamkit.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The two ways the stock account console's users remove a credential in Keycloak 26.7: the {@code delete_credential}
 * required action (what its "Remove" button starts) and the deprecated account REST {@code DELETE
 * /account/credentials/{id}} that the server still serves, with a token carrying the account audience.
 */
public final class AccountConsole {

    /** A client of a {@link TestRealm} whose tokens carry the account audience, as the account console's own do. */
    public static final String CLIENT = "it-account";

    private AccountConsole() {}

    /** Adds {@link #CLIENT} to a realm's JSON (for {@link TestRealm#create}). */
    public static void addClient(ObjectNode realmJson) {
        ObjectNode client = ((ArrayNode) realmJson.get("clients")).addObject();
        client.put("clientId", CLIENT);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.putArray("redirectUris").add(DemoApp.REDIRECT_URI);
    }

    /** A token for the account audience from the browser's SSO session: its auth_time is that login's. */
    public static String token(Browser browser, String realm) throws IOException {
        browser.driver()
                .get(Oidc.realmUrl(realm) + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                        + "&client_id=" + CLIENT + "&state=s&redirect_uri="
                        + URLEncoder.encode(DemoApp.REDIRECT_URI, StandardCharsets.UTF_8));
        browser.waiting().until(ExpectedConditions.urlContains(DemoApp.REDIRECT_URI));
        String code = Oidc.query(browser.driver().getCurrentUrl()).get("code");
        Oidc.TokenResponse tokens = Oidc.token(
                realm,
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        CLIENT,
                        "code",
                        code,
                        "redirect_uri",
                        DemoApp.REDIRECT_URI));
        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        return tokens.body().get("access_token").asText();
    }

    /** The deprecated account REST delete; answers its status. */
    public static int deleteByRest(String realm, String credentialId, String token)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(Oidc.realmUrl(realm) + "/account/credentials/" + credentialId))
                .header("Authorization", "Bearer " + token)
                // Without it, /account dispatches to the account console's page, which answers 405.
                .header("Accept", "application/json")
                .DELETE()
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** On the stock {@code delete_credential} page: confirms the removal. */
    public static void acceptRemoval(Browser browser) {
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("kc-accept")));
        browser.driver().findElement(By.id("kc-accept")).click();
    }
}
