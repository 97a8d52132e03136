package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.DemoApp;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;

@ExtendWith(KeycloakServerExtension.class)
class ServerAndRealmIT {

    private static Keycloak admin;

    @BeforeAll
    static void connect() {
        admin = Admin.client();
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void runs_the_stock_26_7_3_server(KeycloakServer server) throws IOException {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();

        assertThat(info.getSystemInfo().getVersion()).isEqualTo(System.getProperty("ciamkit.server.version"));
        assertThat(server.log()).contains("Keycloak " + System.getProperty("ciamkit.server.version") + " on JVM");
    }

    @Test
    void loads_our_envelope_provider_with_the_distribution_key_file(KeycloakServer server) {
        ProviderRepresentation keyFile = admin.serverInfo()
                .getInfo()
                .getProviders()
                .get("ciamkit-envelope")
                .getProviders()
                .get("keyfile");

        assertThat(keyFile).as("ciamkit-envelope/keyfile provider").isNotNull();
        assertThat(keyFile.getOperationalInfo())
                .containsEntry(
                        "keyFile",
                        server.home().resolve("conf/ciamkit-keys.properties").toString())
                .containsKey("currentKeyId");
    }

    @Test
    void lists_the_development_sms_outbox_because_this_server_was_built_with_it() {
        // docker/'s image is built without spi-ciamkit-sms-sender--dev-outbox--enabled and never lists it
        assertThat(admin.serverInfo()
                        .getInfo()
                        .getProviders()
                        .get("ciamkit-sms-sender")
                        .getProviders())
                .containsKeys("http", "dev-outbox");
    }

    @Test
    void offers_the_ciamkit_login_theme() {
        assertThat(admin.serverInfo().getInfo().getThemes().get("login"))
                .anySatisfy(theme -> assertThat(theme.getName()).isEqualTo("ciamkit"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ko, 허용 시간 범위(단계)", "ja, 許容ウィンドウ（ステップ）", "en, Look-around window (steps)"})
    void the_admin_console_shows_our_config_labels_in_the_admins_language(String locale, String label)
            throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        KeycloakServer.BASE_URL + "/resources/master/admin/" + locale))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(response.body()).contains("\"key\":\"ciamkitOtpWindow\",\"value\":\"" + label + "\"");
    }

    @Test
    void imports_the_demo_realm_with_its_policy() {
        RealmRepresentation realm = admin.realm(Oidc.REALM).toRepresentation();

        assertThat(realm.getLoginTheme()).isEqualTo("ciamkit");
        assertThat(realm.getDefaultLocale()).isEqualTo("ko");
        assertThat(realm.getSupportedLocales()).containsExactlyInAnyOrder("ko", "ja", "en");
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.isEventsEnabled()).isTrue();
        assertThat(admin.realm(Oidc.REALM).users().search(Oidc.DEMO_USER, true))
                .singleElement()
                .satisfies(user -> assertThat(user.isEnabled()).isTrue());
    }

    /** Per-client policy: the second demo client overrides the browser flow with {@code ciamkit pin-otp}. */
    @Test
    void the_pin_demo_client_signs_in_with_the_pin_otp_flow_and_the_demo_app_with_the_password() throws IOException {
        assertThat(admin.realm(Oidc.REALM).flows().getFlows())
                .extracting(flow -> flow.getAlias())
                .contains("ciamkit browser", "ciamkit sms", "ciamkit pin-otp");
        String pinApp = firstPage("ciamkit-demo-pin-app");
        String demoApp = firstPage(Oidc.DEMO_APP);

        assertThat(pinApp).contains("id=\"username\"").doesNotContain("id=\"password\"");
        assertThat(demoApp).contains("id=\"username\"", "id=\"password\"");
    }

    private static String firstPage(String clientId) throws IOException {
        String url = Oidc.authorizationUrl(
                DemoApp.REDIRECT_URI,
                "it",
                Map.of(
                        "client_id", clientId,
                        "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                        "code_challenge_method", "S256"));
        HttpResponse<String> page = Oidc.get(url, "en");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
