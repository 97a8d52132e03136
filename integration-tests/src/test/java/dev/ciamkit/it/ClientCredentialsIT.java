package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.Oidc.TokenResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KeycloakServerExtension.class)
class ClientCredentialsIT {

    @Test
    void the_api_client_gets_a_token_with_its_secret() throws IOException {
        TokenResponse response = Oidc.clientCredentials(Oidc.API_CLIENT, Oidc.API_SECRET);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().get("token_type").asText()).isEqualToIgnoringCase("Bearer");
        JsonNode claims = Oidc.claims(response.body().get("access_token").asText());
        assertThat(claims.get("azp").asText()).isEqualTo(Oidc.API_CLIENT);
        assertThat(response.body().has("refresh_token")).isFalse();
    }

    @Test
    void a_wrong_secret_gets_no_token() throws IOException {
        TokenResponse response = Oidc.clientCredentials(Oidc.API_CLIENT, "not-the-secret");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().has("access_token")).isFalse();
    }

    @Test
    void the_public_demo_app_cannot_use_client_credentials() throws IOException {
        TokenResponse response = Oidc.clientCredentials(Oidc.DEMO_APP, "");

        assertThat(response.status()).isIn(400, 401);
        assertThat(response.body().has("access_token")).isFalse();
    }
}
