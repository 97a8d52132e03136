package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.ekyc.sandbox.TestImages;
import dev.ciamkit.it.pages.EkycPage;
import dev.ciamkit.it.support.AccountConsole;
import dev.ciamkit.it.support.Admin;
import dev.ciamkit.it.support.AdminApi;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.EkycGateway;
import dev.ciamkit.it.support.EkycJourney;
import dev.ciamkit.it.support.KeycloakServer;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.OtpJourney;
import dev.ciamkit.it.support.TestRealm;
import dev.ciamkit.it.support.TestUsers.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;

/**
 * The PII vault on the assembled server: two users verified with the same ID (images kept, sealed), read through the
 * admin endpoints by the dedicated role only, each read an admin event; duplicates flagged; nothing readable in the
 * database; withdrawal; the retention purge; the discovery document.
 */
@ExtendWith(KeycloakServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EkycVaultIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Keycloak admin;
    private static TestRealm realm;
    private static TestUser first;
    private static TestUser second;

    @BeforeAll
    static void start() throws Exception {
        admin = Admin.client();
        realm = TestRealm.create(admin, "ekyc-vault", json -> {
            TestRealm.passwordOnlyBrowserFlow(json);
            AccountConsole.addClient(json);
            json.put("adminEventsEnabled", true);
            for (JsonNode action : json.withArray("requiredActions")) {
                if (EkycJourney.REQUIRED_ACTION.equals(action.path("alias").asText())) {
                    ((ObjectNode) action).putObject("config").put("ekyc-keep-images", "true");
                }
            }
        });
        first = verified("ekyc-vault-1");
        second = verified("ekyc-vault-2");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            realm.close();
        } finally {
            admin.close();
        }
    }

    /** A user verified through the required action with Hong Gildong's ID and selfie. */
    private static TestUser verified(String prefix) throws Exception {
        TestUser user = realm.createUser(prefix);
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = EkycJourney.startVerification(browser, realm, user);
            EkycJourney.sendHongsId(browser, new EkycPage.IdPage(browser))
                    .verifyWithSelfie(EkycGateway.image(TestImages.SELFIE_HONG));
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        assertThat(EkycJourney.verifications(realm, user)).hasSize(1);
        return user;
    }

    @Test
    @Order(1)
    void only_the_viewer_role_reads_records_and_every_read_is_an_admin_event() throws Exception {
        String noRole = realm.tokenWithoutAdminRoles();
        assertThat(AdminApi.get(realm.name(), records(first), noRole).statusCode())
                .isEqualTo(403);
        assertThat(AdminApi.get(admin, realm.name(), records(first)).statusCode())
                .as("a master admin without the realm's role")
                .isEqualTo(403);

        String viewer = viewerToken();
        HttpResponse<String> list = AdminApi.get(realm.name(), records(first), viewer);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode record = JSON.readTree(list.body()).get(0);
        assertThat(record.path("maskedIdNumber").asText()).isEqualTo("900101-1******");
        assertThat(list.body()).doesNotContain("1234567").doesNotContain("길동");
        String id = record.path("id").asText();

        HttpResponse<String> one = AdminApi.get(realm.name(), "/ciamkit-ekyc/records/" + id, viewer);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode full = JSON.readTree(one.body());
        assertThat(full.path("person").path("givenName").asText()).isEqualTo("길동");
        assertThat(full.path("images")).hasSize(2);
        assertThat(full.path("methods").toString()).contains("id").contains("face");

        List<AdminEventRepresentation> views = realm.resource().getAdminEvents().stream()
                .filter(e -> "CIAMKIT_EKYC".equals(e.getResourceType()))
                .toList();
        assertThat(views)
                .extracting(AdminEventRepresentation::getResourcePath)
                .contains("ciamkit-ekyc/users/" + first.id() + "/records", "ciamkit-ekyc/records/" + id);
        assertThat(views.toString()).doesNotContain("길동").doesNotContain("1234567");
    }

    @Test
    @Order(2)
    void the_same_id_number_for_two_users_is_flagged_for_review() throws Exception {
        HttpResponse<String> duplicates = AdminApi.get(realm.name(), "/ciamkit-ekyc/duplicates", viewerToken());
        assertThat(duplicates.statusCode()).isEqualTo(200);
        assertThat(duplicates.body()).contains(first.id()).contains(second.id());
    }

    @Test
    @Order(3)
    void the_database_holds_no_id_number_name_or_image_in_the_clear(KeycloakServer server) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection db = server.database().connect();
                Statement sql = db.createStatement();
                ResultSet script = sql.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            while (script.next()) {
                dump.append(script.getString(1)).append('\n');
            }
        }
        String all = dump.toString();
        assertThat(all).as("the dump reaches our tables").contains("CIAMKIT_EKYC_EVIDENCE");
        String marker = "ciamkit-sandbox";
        assertThat(all)
                .doesNotContain("1234567")
                .doesNotContain("900101-1234567")
                .doesNotContain("홍길동")
                .doesNotContain("길동")
                .doesNotContain(marker)
                .doesNotContainIgnoringCase(HexFormat.of().formatHex(marker.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @Order(4)
    void removing_the_credential_withdraws_the_verification_and_its_evidence() throws Exception {
        String credential = EkycJourney.verifications(realm, second).get(0).getId();
        realm.resource().users().get(second.id()).removeCredential(credential);
        assertWithdrawn(second);
    }

    @Test
    @Order(4)
    void the_user_removes_the_verification_in_the_account_console_and_its_evidence_goes() throws Exception {
        TestUser user = verified("ekyc-vault-console");
        String credential = EkycJourney.verifications(realm, user).get(0).getId();
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            Thread.sleep(1100); // delete_credential's max_auth_age is 0 in the shipped realm: a fresh login
            OtpJourney journey = new OtpJourney(browser, realm.name())
                    .start(Map.of("kc_action", "delete_credential:" + credential))
                    .password(user.username());
            AccountConsole.acceptRemoval(browser);
            assertThat(journey.finish().status()).isEqualTo(200);
        }
        assertThat(EkycJourney.verifications(realm, user)).isEmpty();
        assertWithdrawn(user);
    }

    @Test
    @Order(4)
    void the_deprecated_account_rest_delete_withdraws_the_verification_too() throws Exception {
        TestUser user = verified("ekyc-vault-rest");
        String credential = EkycJourney.verifications(realm, user).get(0).getId();
        RequiredActionConfigRepresentation fresh = new RequiredActionConfigRepresentation();
        fresh.setConfig(Map.of("max_auth_age", "3600"));
        realm.resource().flows().updateRequiredActionConfig("delete_credential", fresh);
        try (Browser browser = Browser.open("en-US,en;q=0.9")) {
            OtpJourney journey = new OtpJourney(browser, realm.name()).start().password(user.username());
            assertThat(journey.finish().status()).isEqualTo(200);
            String token = AccountConsole.token(browser, realm.name());
            assertThat(AccountConsole.deleteByRest(realm.name(), credential, token))
                    .isEqualTo(204);
        } finally {
            realm.resource().flows().removeRequiredActionConfig("delete_credential");
        }
        assertThat(EkycJourney.verifications(realm, user)).isEmpty();
        assertWithdrawn(user);
    }

    /** The user's one record, read by the viewer: withdrawn, without its sealed person data or images. */
    private static void assertWithdrawn(TestUser user) throws Exception {
        String viewer = viewerToken();
        JsonNode record = JSON.readTree(
                        AdminApi.get(realm.name(), records(user), viewer).body())
                .get(0);
        JsonNode full = JSON.readTree(AdminApi.get(
                        realm.name(),
                        "/ciamkit-ekyc/records/" + record.path("id").asText(),
                        viewer)
                .body());
        assertThat(full.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(full.path("person").isNull() || full.path("person").isMissingNode())
                .isTrue();
        assertThat(full.path("images")).isEmpty();
    }

    @Test
    @Order(5)
    void the_discovery_document_advertises_verified_claims_once_a_client_scope_carries_the_mapper() throws Exception {
        String scope = realm.resource().clientScopes().findAll().stream()
                .filter(s -> "profile".equals(s.getName()))
                .findFirst()
                .orElseThrow()
                .getId();
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("verified claims");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("ciamkit-verified-claims");
        mapper.setConfig(Map.of("id.token.claim", "true", "ciamkit.trust.framework", "kr_remote_id"));
        realm.resource()
                .clientScopes()
                .get(scope)
                .getProtocolMappers()
                .createMapper(mapper)
                .close();

        HttpResponse<String> discovery = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(Oidc.realmUrl(realm.name()) + "/.well-known/openid-configuration"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode metadata = JSON.readTree(discovery.body());
        assertThat(metadata.path("verified_claims_supported").asBoolean()).isTrue();
        assertThat(metadata.path("trust_frameworks_supported").toString()).contains("kr_remote_id");
        assertThat(metadata.path("claims_in_verified_claims_supported").toString())
                .contains("given_name", "family_name", "birthdate");
        assertThat(metadata.path("authorization_endpoint").asText())
                .as("the stock fields stay")
                .isNotEmpty();
    }

    @Test
    @Order(6)
    void the_purge_removes_images_and_expired_records_when_their_time_has_come() throws Exception {
        String viewer = viewerToken();
        String id = JSON.readTree(
                        AdminApi.get(realm.name(), records(first), viewer).body())
                .get(0)
                .path("id")
                .asText();
        assertThat(AdminApi.put(
                                admin,
                                realm.name(),
                                "/ciamkit-ekyc/retention",
                                "{\"imagesSeconds\":1,\"recordsSeconds\":31536000}")
                        .statusCode())
                .isEqualTo(200);
        Thread.sleep(1_100); // the images' one second of retention passes
        HttpResponse<String> purged = AdminApi.post(admin, realm.name(), "/ciamkit-ekyc/purge");
        assertThat(purged.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(purged.body()).path("images").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode full = JSON.readTree(AdminApi.get(realm.name(), "/ciamkit-ekyc/records/" + id, viewer)
                .body());
        assertThat(full.path("images")).isEmpty();
        assertThat(full.path("status").asText())
                .as("the record itself stays its period")
                .isEqualTo("VERIFIED");
        assertThat(EkycJourney.verifications(realm, first)).hasSize(1);
    }

    @Test
    @Order(7)
    void an_uploaded_image_passes_through_memory_backed_storage_only(KeycloakServer server) throws Exception {
        // Quarkus REST writes each multipart file part to its uploads directory for the request's duration
        Path uploads = Path.of("/dev/shm/ciamkit-uploads");
        assertThat(server.log())
                .contains("eKYC image uploads pass through " + uploads + " (tmpfs)")
                .doesNotContain("which is not memory-backed")
                .doesNotContain("not private to this server");
        assertThat(Files.getFileStore(uploads).type()).isEqualTo("tmpfs");
        List<Path> created = new ArrayList<>();
        try (WatchService watch = uploads.getFileSystem().newWatchService()) {
            uploads.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            verified("ekyc-vault-tmpfs");
            for (WatchKey key = watch.poll(5, TimeUnit.SECONDS); key != null; key = watch.poll()) {
                key.pollEvents().forEach(e -> created.add(uploads.resolve((Path) e.context())));
                key.reset();
            }
        }
        assertThat(created)
                .as("the ID photo and the selfie passed through the tmpfs")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(created).as("and were deleted at the end of their requests").noneMatch(Files::exists);
    }

    private static String records(TestUser user) {
        return "/ciamkit-ekyc/records?user=" + user.id();
    }

    private static String viewerToken() throws Exception {
        return EkycJourney.viewerToken(KeycloakServer.BASE_URL, realm.resource(), realm.name());
    }
}
