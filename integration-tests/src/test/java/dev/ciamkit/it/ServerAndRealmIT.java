package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
    void offers_the_ciamkit_login_theme() {
        assertThat(admin.serverInfo().getInfo().getThemes().get("login"))
                .anySatisfy(theme -> assertThat(theme.getName()).isEqualTo("ciamkit"));
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
}
