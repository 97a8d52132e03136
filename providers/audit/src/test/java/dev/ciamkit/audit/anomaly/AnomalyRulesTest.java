package dev.ciamkit.audit.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnomalyRulesTest {

    private static final long NOW = 1_800_000_000_000L;

    /** Every rule off but the ones a test turns on. */
    private static Map<String, String> off() {
        Map<String, String> values = new HashMap<>();
        for (AnomalyRule rule : AnomalyRule.values()) {
            values.put(rule.key(), rule == AnomalyRule.QUIET_HOURS ? "" : "0");
        }
        return values;
    }

    private static AnomalyConfig config(String... pairs) {
        Map<String, String> values = off();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return AnomalyConfig.of(values);
    }

    private static TrailRecord failure(long time, String user, String ip) {
        return new TrailRecord(0, time, "USER", "LOGIN_ERROR", "failure", user, ip, "{}");
    }

    private static TrailRecord login(long time, String user, String ip) {
        return new TrailRecord(0, time, "USER", "LOGIN", "success", user, ip, "{}");
    }

    private static TrailRecord read(long time, String admin, int rows) {
        return new TrailRecord(
                0,
                time,
                "ADMIN",
                "ACTION:CIAMKIT_AUDIT",
                "success",
                admin,
                "127.0.0.1",
                "{\"details\":{\"ciamkit_rows\":\"" + rows + "\"},\"kind\":\"ADMIN\"}");
    }

    /** The whole trail in memory: the windows count over it as the JPA queries do. */
    private static final class Trail implements Windows {
        final List<TrailRecord> all = new ArrayList<>();

        Trail add(TrailRecord r) {
            all.add(r);
            return this;
        }

        private List<TrailRecord> in(long from, long to) {
            return all.stream().filter(r -> r.time() > from && r.time() <= to).toList();
        }

        @Override
        public long userFailures(String userId, long from, long to) {
            return in(from, to).stream()
                    .filter(r -> AnomalyRules.isLoginFailure(r) && userId.equals(r.userId()))
                    .count();
        }

        @Override
        public long addressFailures(String address, long from, long to) {
            return in(from, to).stream()
                    .filter(r -> AnomalyRules.isLoginFailure(r)
                            && address.equals(AnomalyRules.addressSubject(r.ipAddress())))
                    .count();
        }

        @Override
        public long addressUsers(String address, long from, long to) {
            Set<String> users = new HashSet<>();
            in(from, to).stream()
                    .filter(r -> AnomalyRules.isLoginFailure(r)
                            && address.equals(AnomalyRules.addressSubject(r.ipAddress()))
                            && r.userId() != null)
                    .forEach(r -> users.add(r.userId()));
            return users.size();
        }

        @Override
        public long rowsRead(String adminId, long from, long to) {
            return in(from, to).stream()
                    .filter(r -> adminId.equals(r.userId()))
                    .mapToLong(AnomalyRules::rowsRead)
                    .sum();
        }
    }

    @Nested
    class failures_per_user {

        @Test
        void fires_at_the_threshold_within_the_window_once_per_user() {
            Trail trail = new Trail();
            for (int i = 0; i < 3; i++) {
                trail.add(failure(NOW - 10_000 + i, "u1", "10.0.0." + i));
            }
            List<Finding> findings = AnomalyRules.evaluate(
                    config("anomalyUserFailures", "3", "anomalyUserFailuresWindowSeconds", "60"),
                    trail.all,
                    trail,
                    NOW);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(AnomalyRule.USER_FAILURES);
                assertThat(f.subject()).isEqualTo("u1");
                assertThat(f.count()).isEqualTo(3);
                assertThat(f.address()).isEqualTo("10.0.0.2");
            });
        }

        @Test
        void failures_spread_wider_than_the_window_do_not_fire() {
            Trail trail = new Trail()
                    .add(failure(NOW - 50_000, "u1", "10.0.0.1"))
                    .add(failure(NOW - 30_000, "u1", "10.0.0.1"))
                    .add(failure(NOW - 1_000, "u1", "10.0.0.1"));
            assertThat(AnomalyRules.evaluate(
                            config("anomalyUserFailures", "3", "anomalyUserFailuresWindowSeconds", "30"),
                            trail.all,
                            trail,
                            NOW))
                    .isEmpty();
        }

        @Test
        void records_seen_late_are_still_reported_in_the_window_that_ends_at_their_own_time() {
            // a detector kept behind (a flood, a restart) must not be a way to go unseen
            Trail trail = new Trail();
            for (int i = 0; i < 5; i++) {
                trail.add(failure(NOW - 120_000 + i, "u1", "10.0.0.1"));
            }
            assertThat(AnomalyRules.evaluate(
                            config("anomalyUserFailures", "3", "anomalyUserFailuresWindowSeconds", "60"),
                            trail.all,
                            trail,
                            NOW))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.count()).isEqualTo(5);
                        assertThat(f.lastAt()).isEqualTo(NOW - 120_000 + 4);
                    });
        }

        @Test
        void a_threshold_of_zero_turns_the_rule_off() {
            Trail trail = new Trail();
            for (int i = 0; i < 50; i++) {
                trail.add(failure(NOW - i, "u1", "10.0.0.1"));
            }
            assertThat(AnomalyRules.evaluate(config(), trail.all, trail, NOW)).isEmpty();
        }
    }

    @Test
    void failures_per_address_count_every_user_and_users_per_address_count_distinct_users_who_failed() {
        Trail trail = new Trail()
                .add(failure(NOW - 3_000, "a", "203.0.113.5"))
                .add(failure(NOW - 2_000, "b", "203.0.113.5"))
                .add(login(NOW - 1_000, "c", "203.0.113.5"))
                .add(failure(NOW - 500, "a", "203.0.113.5"));
        List<Finding> findings = AnomalyRules.evaluate(
                config("anomalyAddressFailures", "3", "anomalyAddressUsers", "2"), trail.all, trail, NOW);
        assertThat(findings)
                .extracting(Finding::rule, Finding::subject, Finding::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AnomalyRule.ADDRESS_FAILURES, "203.0.113.5", 3L),
                        org.assertj.core.groups.Tuple.tuple(AnomalyRule.ADDRESS_USERS, "203.0.113.5", 2L));
    }

    @Test
    void ipv6_addresses_rotating_within_one_64_count_as_one_subscriber() {
        Trail trail = new Trail()
                .add(failure(NOW - 3_000, "a", "2001:db8:42:1::a"))
                .add(failure(NOW - 2_000, "b", "2001:db8:42:1:ffff::b"))
                .add(failure(NOW - 1_000, "c", "2001:DB8:42:1:0:0:0:c"))
                .add(failure(NOW - 900, "d", "2001:db8:42:2::d"))
                .add(failure(NOW - 800, "e", "2001:db8:42:3::e"));
        List<Finding> findings = AnomalyRules.evaluate(
                config("anomalyAddressFailures", "3", "anomalyAddressUsers", "3"), trail.all, trail, NOW);
        assertThat(findings)
                .extracting(Finding::rule, Finding::subject, Finding::count)
                .as("the three addresses of one /64 fire once; one failure from each other /64 does not")
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                AnomalyRule.ADDRESS_FAILURES, "2001:db8:42:1:0:0:0:0/64", 3L),
                        org.assertj.core.groups.Tuple.tuple(AnomalyRule.ADDRESS_USERS, "2001:db8:42:1:0:0:0:0/64", 3L));
        assertThat(findings)
                .extracting(Finding::address)
                .as("the finding names the last address, which a block widens to its /64")
                .containsOnly("2001:DB8:42:1:0:0:0:c");
    }

    @Test
    void an_ipv4_client_written_in_its_ipv6_mapped_form_counts_as_written() {
        // a dual-stack proxy writes ::ffff:a.b.c.d; the window's queries match the column as written
        Trail trail = new Trail();
        for (int i = 0; i < 3; i++) {
            trail.add(failure(NOW - 1_000 + i, "u" + i, "::ffff:203.0.113.77"));
        }
        assertThat(AnomalyRules.evaluate(config("anomalyAddressFailures", "3"), trail.all, trail, NOW))
                .extracting(Finding::subject, Finding::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("::ffff:203.0.113.77", 3L));
    }

    @Test
    void many_people_signing_in_from_one_shared_address_is_not_credential_stuffing() {
        // a carrier's NAT or an office: users who got in are not counted
        Trail trail = new Trail();
        for (int i = 0; i < 10; i++) {
            trail.add(login(NOW - 1_000 + i, "user" + i, "203.0.113.9"));
        }
        assertThat(AnomalyRules.evaluate(config("anomalyAddressUsers", "3"), trail.all, trail, NOW))
                .isEmpty();
    }

    @Test
    void a_user_is_locked_only_for_guesses_at_them_and_an_address_blocked_only_by_address_rules() {
        AnomalyConfig all = config(
                AnomalyRule.QUIET_HOURS.actionsKey(), "block-address##lock-user##email",
                AnomalyRule.USER_FAILURES.actionsKey(), "block-address##lock-user",
                AnomalyRule.ADDRESS_FAILURES.actionsKey(), "block-address##lock-user",
                AnomalyRule.BULK_READS.actionsKey(), "block-address##lock-user##webhook");
        assertThat(all.actions(AnomalyRule.QUIET_HOURS)).containsExactly(AnomalyAction.EMAIL);
        assertThat(all.actions(AnomalyRule.USER_FAILURES)).containsExactly(AnomalyAction.LOCK_USER);
        assertThat(all.actions(AnomalyRule.ADDRESS_FAILURES)).containsExactly(AnomalyAction.BLOCK_ADDRESS);
        assertThat(all.actions(AnomalyRule.BULK_READS)).containsExactly(AnomalyAction.WEBHOOK);
    }

    @Test
    void bulk_reads_add_up_the_rows_one_admin_read_and_fire_above_the_threshold() {
        Trail trail = new Trail().add(read(NOW - 2_000, "admin", 3)).add(read(NOW - 1_000, "admin", 2));
        assertThat(AnomalyRules.evaluate(config("anomalyBulkReads", "5"), trail.all, trail, NOW))
                .as("5 rows is not more than 5")
                .isEmpty();
        trail.add(read(NOW - 500, "admin", 1));
        assertThat(AnomalyRules.evaluate(config("anomalyBulkReads", "5"), trail.all, trail, NOW))
                .singleElement()
                .satisfies(f -> assertThat(f.count()).isEqualTo(6));
    }

    @Test
    void a_record_without_a_row_count_or_with_a_hostile_one_reads_nothing() {
        assertThat(AnomalyRules.rowsRead(new TrailRecord(0, NOW, "ADMIN", "ACTION:USER", "success", "a", null, "{}")))
                .isZero();
        assertThat(AnomalyRules.rowsRead(new TrailRecord(
                        0, NOW, "ADMIN", "X", "success", "a", null, "{\"details\":{\"ciamkit_rows\":\"-5\"}}")))
                .isZero();
        assertThat(AnomalyRules.rowsRead(new TrailRecord(
                        0, NOW, "ADMIN", "X", "success", "a", null, "{\"details\":{\"ciamkit_rows\":\"x\"")))
                .isZero();
    }

    @ParameterizedTest
    @CsvSource({"00-06, 3, true", "00-06, 6, false", "22-06, 23, true", "22-06, 5, true", "22-06, 12, false"})
    void quiet_hours_are_read_in_the_realm_zone_and_wrap_past_midnight(String hours, int hour, boolean fires) {
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        long at =
                ZonedDateTime.of(2027, 1, 15, hour, 30, 0, 0, seoul).toInstant().toEpochMilli();
        Trail trail = new Trail().add(login(at, "u1", "10.0.0.1"));
        AnomalyConfig config = config("anomalyQuietHours", hours, "timeZone", "Asia/Seoul");
        assertThat(AnomalyRules.evaluate(config, trail.all, trail, at + 1000)).hasSize(fires ? 1 : 0);
    }

    @Test
    void the_whole_day_is_00_24_and_malformed_hours_turn_the_rule_off() {
        assertThat(QuietHours.parse("00-24").orElseThrow().contains(NOW, ZoneId.of("UTC")))
                .isTrue();
        assertThat(QuietHours.parse("25-03")).isEmpty();
        assertThat(QuietHours.parse("5-5")).isEmpty();
        assertThat(QuietHours.parse("night")).isEmpty();
        assertThat(config("anomalyQuietHours", "night").enabled(AnomalyRule.QUIET_HOURS))
                .isFalse();
    }

    @Test
    void actions_parse_the_console_separator_and_ignore_unknown_names() {
        assertThat(AnomalyAction.parse("webhook##lock-user##rm -rf"))
                .containsExactlyInAnyOrder(AnomalyAction.WEBHOOK, AnomalyAction.LOCK_USER);
        assertThat(AnomalyAction.parse(null)).isEmpty();
    }

    @Test
    void saving_refuses_bad_values_with_a_message_key() {
        Map<String, String> values = new HashMap<>();
        assertThat(AnomalyConfigProperties.invalid(values::get)).isNull();
        values.put("anomalyUserFailures", "-1");
        assertThat(AnomalyConfigProperties.invalid(values::get)).isEqualTo("ciamkitAnomalyNumberInvalid");
        values.put("anomalyUserFailures", "5");
        values.put("anomalyWebhookUrl", "https://user:pw@siem.example/alerts");
        assertThat(AnomalyConfigProperties.invalid(values::get)).isEqualTo("ciamkitAnomalyWebhookUrlInvalid");
        values.put("anomalyWebhookUrl", "https://siem.example/alerts");
        values.put("anomalyWebhookSecret", "short");
        assertThat(AnomalyConfigProperties.invalid(values::get)).isEqualTo("ciamkitAnomalyWebhookSecretInvalid");
        values.put("anomalyWebhookSecret", "x".repeat(32));
        values.put("anomalySecurityEmail", "<script>@x");
        assertThat(AnomalyConfigProperties.invalid(values::get)).isEqualTo("ciamkitAnomalySecurityEmailInvalid");
        values.put("anomalySecurityEmail", "soc@bank.example");
        values.put("anomalyQuietHours", "late");
        assertThat(AnomalyConfigProperties.invalid(values::get)).isEqualTo("ciamkitAnomalyQuietHoursInvalid");
    }
}
