package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import dev.ciamkit.it.support.KeycloakServerExtension.TestPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.MountableFile;

/**
 * Builds the image from docker/ (two stages on the stock Keycloak image) and logs in to it. Runs only where a Docker
 * engine is available; elsewhere it is skipped, and nothing else depends on it.
 */
class DockerImageIT {

    @Test
    void the_image_starts_with_our_providers_theme_and_realm() throws Exception {
        Assumptions.assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "No Docker engine on this machine: the docker/ image is not built or tested here "
                        + "(run this test where Docker is available).");
        Path context = Path.of(System.getProperty("ciamkit.docker.context"));
        String image = new ImageFromDockerfile("ciamkit/keycloak-it", true)
                .withFileFromPath(".", context)
                .get();
        Path keys = TestPaths.serverDir().resolve("conf/ciamkit-keys.properties");

        try (KeycloakContainer keycloak = new KeycloakContainer(image)
                .withCopyFileToContainer(MountableFile.forHostPath(keys), "/opt/keycloak/conf/ciamkit-keys.properties")
                .withEnv("KC_SPI_CIAMKIT_ENVELOPE__KEYFILE__KEY_FILE", "/opt/keycloak/conf/ciamkit-keys.properties")
                .withCustomCommand("--import-realm")) {
            keycloak.start();
            Keycloak admin = keycloak.getKeycloakAdminClient();

            assertThat(admin.realm("ciamkit-demo").toRepresentation().getLoginTheme())
                    .isEqualTo("ciamkit");
            HttpResponse<String> login = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(keycloak.getAuthServerUrl()
                                            + "/realms/ciamkit-demo/protocol/openid-connect/auth"
                                            + "?client_id=ciamkit-demo-app&response_type=code&scope=openid"
                                            + "&redirect_uri=http%3A%2F%2Flocalhost%3A8765%2Fcallback"
                                            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                                            + "&code_challenge_method=S256"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(login.body()).contains("ciamkit.css");
        }
    }
}
