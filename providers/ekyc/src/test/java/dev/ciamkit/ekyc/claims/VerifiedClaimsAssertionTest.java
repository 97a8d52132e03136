package dev.ciamkit.ekyc.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.claims.VerifiedClaimsRequest.Target;
import dev.ciamkit.ekyc.vault.EkycMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a request gets, read the way OpenID Connect for Identity Assurance 1.0 section 5 reads it. */
class VerifiedClaimsAssertionTest {

    static final Instant NOW = VerifiedClaimsMapperTest.NOW;
    static final VerifiedIdentity IDENTITY = new VerifiedIdentity(
            "kr_remote_id",
            VerifiedClaimsMapperTest.VERIFIED_AT,
            Evidence.of(VerifiedClaimsMapperTest.ALL_THREE),
            VerifiedClaimsMapperTest.HONG);

    static Optional<Object> answer(String verifiedClaimsRequest) {
        return VerifiedClaimsRequest.read(
                        "{\"id_token\": {\"verified_claims\": " + verifiedClaimsRequest + "}}", Target.ID_TOKEN)
                .flatMap(r -> VerifiedClaimsAssertion.answer(r, IDENTITY, NOW));
    }

    static Map<String, Object> object(String verifiedClaimsRequest) {
        return VerifiedClaimsMapperTest.map(answer(verifiedClaimsRequest).orElseThrow());
    }

    static Map<String, Object> verification(String verifiedClaimsRequest) {
        return VerifiedClaimsMapperTest.map(object(verifiedClaimsRequest).get("verification"));
    }

    @Nested
    class Claims {

        @Test
        void only_the_requested_ones() {
            assertThat(object("{\"verification\": {\"trust_framework\": null}, \"claims\": {\"given_name\": null}}"))
                    .containsEntry("claims", Map.of("given_name", "길동"));
        }

        @Test
        void all_three_when_claims_is_null() {
            assertThat(object("{\"verification\": {\"trust_framework\": null}, \"claims\": null}"))
                    .containsEntry("claims", Map.of("given_name", "길동", "family_name", "홍", "birthdate", "1990-01-01"));
        }

        @Test
        void none_when_claims_is_left_out_or_empty() {
            assertThat(object("{\"verification\": {\"trust_framework\": null}}"))
                    .containsEntry("claims", Map.of());
            assertThat(object("{\"verification\": {\"trust_framework\": null}, \"claims\": {}}"))
                    .containsEntry("claims", Map.of());
        }

        @Test
        void unsupported_ones_are_left_out() {
            assertThat(
                            object(
                                    "{\"verification\": {}, \"claims\": {\"address\": null, \"birthdate\": {\"essential\": true}}}"))
                    .containsEntry("claims", Map.of("birthdate", "1990-01-01"));
        }

        @Test
        void one_that_misses_its_value_is_left_out_alone() {
            assertThat(object("{\"verification\": {}, \"claims\": {\"family_name\": {\"value\": \"김\"},"
                            + " \"given_name\": {\"values\": [\"길동\", \"철수\"]}}}"))
                    .containsEntry("claims", Map.of("given_name", "길동"));
        }
    }

    @Nested
    class Verification_element {

        @Test
        void trust_framework_always_and_nothing_else_unless_asked() {
            assertThat(verification("{\"verification\": {}, \"claims\": null}"))
                    .isEqualTo(Map.of("trust_framework", "kr_remote_id"));
        }

        @Test
        void time_in_utc_to_the_second() {
            assertThat(verification("{\"verification\": {\"time\": null}, \"claims\": null}"))
                    .containsEntry("time", "2026-02-27T09:10:11Z");
        }

        @Test
        void another_trust_framework_drops_the_whole_object() {
            assertThat(answer("{\"verification\": {\"trust_framework\": {\"values\": [\"jp_aml\", \"de_aml\"]}},"
                            + " \"claims\": null}"))
                    .isEmpty();
            assertThat(
                            answer(
                                    "{\"verification\": {\"trust_framework\": {\"value\": \"kr_remote_id\"}}, \"claims\": null}"))
                    .isPresent();
        }

        @Test
        void a_verification_older_than_max_age_drops_the_whole_object() {
            assertThat(answer("{\"verification\": {\"time\": {\"max_age\": 3600}}, \"claims\": null}"))
                    .isEmpty();
            assertThat(answer("{\"verification\": {\"time\": {\"max_age\": 864000}}, \"claims\": null}"))
                    .isPresent();
        }

        @Test
        void evidence_filtered_by_type_shows_only_what_the_template_asks() {
            assertThat(verification(
                                    "{\"verification\": {\"evidence\": [{\"type\": {\"value\": \"electronic_record\"}}]},"
                                            + " \"claims\": null}")
                            .get("evidence"))
                    .isEqualTo(List.of(Map.of("type", "electronic_record")));
        }

        @Test
        void evidence_filtered_by_check_method_keeps_the_matching_checks() {
            assertThat(verification(
                                    "{\"verification\": {\"evidence\": [{\"type\": {\"value\": \"document\"},"
                                            + " \"check_details\": [{\"check_method\": {\"value\": \"bvr\"}}]}]}, \"claims\": null}")
                            .get("evidence"))
                    .isEqualTo(List.of(
                            Map.of("type", "document", "check_details", List.of(Map.of("check_method", "bvr")))));
        }

        @Test
        void evidence_nobody_has_drops_the_whole_object() {
            assertThat(answer("{\"verification\": {\"evidence\": [{\"type\": {\"value\": \"document\"},"
                            + " \"document_details\": {\"type\": {\"value\": \"passport\"}}}]}, \"claims\": null}"))
                    .isEmpty();
            assertThat(
                            answer(
                                    "{\"verification\": {\"evidence\": [{\"type\": {\"value\": \"vouch\"}}]}, \"claims\": null}"))
                    .isEmpty();
        }

        @Test
        void evidence_of_a_verification_without_the_bank_account() {
            VerifiedIdentity idOnly = new VerifiedIdentity(
                    "kr_remote_id",
                    NOW,
                    Evidence.of(VerifiedClaimsMapperTest.verification(
                            List.of(EkycMethod.ID_DOCUMENT, EkycMethod.FACE_MATCH), NOW.plusSeconds(60))),
                    VerifiedClaimsMapperTest.HONG);

            assertThat(idOnly.evidence())
                    .containsExactly(
                            new Evidence("document", List.of("data", "bvr"), Optional.of("idcard"), Optional.empty()));
        }
    }

    @Test
    void an_array_is_answered_element_by_element() {
        assertThat(answer("[{\"verification\": {\"trust_framework\": {\"value\": \"jp_aml\"}}, \"claims\": null},"
                        + " {\"verification\": {}, \"claims\": {\"birthdate\": null}}]"))
                .contains(List.of(Map.of(
                        "verification", Map.of("trust_framework", "kr_remote_id"),
                        "claims", Map.of("birthdate", "1990-01-01"))));
    }

    @Test
    void an_array_nothing_of_which_is_met_is_absent() {
        assertThat(answer("[{\"verification\": {\"trust_framework\": {\"value\": \"jp_aml\"}}, \"claims\": null}]"))
                .isEmpty();
    }
}
