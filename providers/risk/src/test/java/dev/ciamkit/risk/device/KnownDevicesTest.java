package dev.ciamkit.risk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

class KnownDevicesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    private static final Browser CHROME = new Browser("Chrome", "131", "Windows");

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final InMemoryCredentials alice = new InMemoryCredentials("alice-id");

    @BeforeEach
    void envelope() {
        given(session.getProvider(EnvelopeProvider.class)).willReturn(new FakeEnvelope());
    }

    private boolean remember(String deviceId, Instant at, int max) {
        return KnownDevices.remember(session, realm, alice.user, deviceId, null, CHROME, "KR", "Seoul", at, max);
    }

    @Nested
    class Remembering {

        @Test
        void a_first_device_is_new_and_then_known() {
            assertThat(KnownDevices.isKnown(session, realm, alice.user, "dev-1"))
                    .isFalse();
            assertThat(remember("dev-1", NOW, 10)).isTrue();
            assertThat(KnownDevices.isKnown(session, realm, alice.user, "dev-1"))
                    .isTrue();
            assertThat(KnownDevices.isKnown(session, realm, alice.user, "dev-2"))
                    .isFalse();
            assertThat(remember("dev-1", NOW.plusSeconds(60), 10)).isFalse();
            assertThat(alice.stored).hasSize(1);
        }

        @Test
        void a_login_moves_the_entry_to_the_rotated_id_so_the_presented_one_is_no_longer_known() {
            remember("dev-1", NOW, 10);

            assertThat(KnownDevices.remember(
                            session, realm, alice.user, "dev-2", "dev-1", CHROME, "KR", "Seoul", NOW, 10))
                    .as("the same browser, not a new one")
                    .isFalse();

            assertThat(alice.stored).hasSize(1);
            assertThat(KnownDevices.isKnown(session, realm, alice.user, "dev-2"))
                    .isTrue();
            assertThat(KnownDevices.isKnown(session, realm, alice.user, "dev-1"))
                    .as("a copy of the old cookie (planted or stolen) is a stranger now")
                    .isFalse();
        }

        @Test
        void a_presented_id_unknown_to_this_user_adds_the_rotated_one_only() {
            assertThat(KnownDevices.remember(
                            session, realm, alice.user, "dev-9", "planted", CHROME, "KR", "Seoul", NOW, 10))
                    .isTrue();
            assertThat(KnownDevices.isKnown(session, realm, alice.user, "planted"))
                    .isFalse();
            assertThat(KnownDevices.isKnown(session, realm, alice.user, "dev-9"))
                    .isTrue();
        }

        @Test
        void stores_only_a_user_bound_hash_and_a_readable_label() {
            remember("dev-1", NOW, 10);

            CredentialModel c = alice.stored.get(0);
            assertThat(c.getType()).isEqualTo("ciamkit-known-device");
            assertThat(c.getSecretData()).doesNotContain("dev-1").contains("h1.p1.");
            assertThat(c.getCredentialData()).doesNotContain("dev-1");
            assertThat(c.getUserLabel()).isEqualTo("Chrome 131 · Windows · Seoul, KR · 2026-11-25");
            assertThat(KnownDevices.data(c)).get().satisfies(d -> {
                assertThat(d.family()).isEqualTo("Chrome");
                assertThat(d.country()).isEqualTo("KR");
                assertThat(d.lastUsed()).isEqualTo(NOW.getEpochSecond());
            });
        }

        @Test
        void the_same_browser_is_not_known_for_another_user() {
            remember("dev-1", NOW, 10);
            InMemoryCredentials bob = new InMemoryCredentials("bob-id");
            bob.stored.addAll(alice.stored);

            assertThat(KnownDevices.isKnown(session, realm, bob.user, "dev-1")).isFalse();
        }

        @Test
        void a_null_id_is_never_known_and_never_stored() {
            assertThat(KnownDevices.isKnown(session, realm, alice.user, null)).isFalse();
            assertThat(remember(null, NOW, 10)).isFalse();
            assertThat(KnownDevices.isKnown(session, realm, null, "dev-1")).isFalse();
            assertThat(alice.stored).isEmpty();
        }
    }

    @Nested
    class Bounded {

        @Test
        void keeps_at_most_max_dropping_the_least_recently_used() {
            remember("dev-1", NOW, 3);
            remember("dev-2", NOW.plus(Duration.ofDays(1)), 3);
            remember("dev-3", NOW.plus(Duration.ofDays(2)), 3);
            remember("dev-1", NOW.plus(Duration.ofDays(3)), 3); // dev-1 used again: dev-2 is now the oldest

            assertThat(remember("dev-4", NOW.plus(Duration.ofDays(4)), 3)).isTrue();

            assertThat(alice.stored).hasSize(3);
            assertThat(List.of("dev-1", "dev-3", "dev-4"))
                    .allMatch(id -> KnownDevices.isKnown(session, realm, alice.user, id));
            assertThat(KnownDevices.isKnown(session, realm, alice.user, "dev-2"))
                    .isFalse();
        }

        @Test
        void a_lowered_max_trims_to_it_on_the_next_new_device() {
            for (int i = 0; i < 5; i++) {
                remember("dev-" + i, NOW.plus(Duration.ofDays(i)), 10);
            }
            remember("dev-new", NOW.plus(Duration.ofDays(9)), 2);

            assertThat(alice.stored).hasSize(2);
            assertThat(KnownDevices.isKnown(session, realm, alice.user, "dev-4"))
                    .isTrue();
            assertThat(KnownDevices.isKnown(session, realm, alice.user, "dev-new"))
                    .isTrue();
        }

        @Test
        void an_out_of_range_max_is_bounded() {
            remember("dev-1", NOW, 0);
            remember("dev-2", NOW.plusSeconds(1), -5);
            assertThat(alice.stored).hasSize(1);
        }
    }

    @Nested
    class Refreshing {

        @Test
        void the_same_day_and_place_writes_nothing() {
            remember("dev-1", NOW, 10);
            remember("dev-1", NOW.plus(Duration.ofHours(2)), 10);
            assertThat(alice.updates).isZero();
        }

        @Test
        void another_day_updates_last_use_and_label() {
            remember("dev-1", NOW, 10);
            remember("dev-1", NOW.plus(Duration.ofDays(2)), 10);

            assertThat(alice.updates).isEqualTo(1);
            assertThat(alice.stored.get(0).getUserLabel()).endsWith("2026-11-27");
        }

        @Test
        void a_hash_made_with_an_older_pepper_is_rehashed() {
            given(session.getProvider(EnvelopeProvider.class)).willReturn(new FakeEnvelope("p2"));
            remember("dev-1", NOW, 10);
            given(session.getProvider(EnvelopeProvider.class)).willReturn(new FakeEnvelope("p1"));

            assertThat(KnownDevices.isKnown(session, realm, alice.user, "dev-1"))
                    .isTrue();
            assertThat(remember("dev-1", NOW.plusSeconds(5), 10)).isFalse();
            assertThat(alice.stored.get(0).getSecretData()).contains("h1.p1.");
        }

        @Test
        void tells_which_browser_families_were_seen() {
            assertThat(KnownDevices.familySeen(alice.user, "Chrome")).isFalse();
            remember("dev-1", NOW, 10);
            assertThat(KnownDevices.familySeen(alice.user, "Chrome")).isTrue();
            assertThat(KnownDevices.familySeen(alice.user, "Firefox")).isFalse();
        }
    }
}
