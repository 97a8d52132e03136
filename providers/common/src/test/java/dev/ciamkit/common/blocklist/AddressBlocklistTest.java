package dev.ciamkit.common.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressBlocklistTest {

    @Test
    void public_addresses_can_be_blocked() {
        assertThat(AddressBlocklist.isBlockable("198.51.100.7")).isTrue();
        assertThat(AddressBlocklist.isBlockable("2001:db8::1")).isTrue();
    }

    @Test
    void shared_and_internal_addresses_are_never_blocked_automatically() {
        for (String address : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.9",
            "192.168.1.1",
            "169.254.1.1",
            "100.64.0.1",
            "100.127.255.254",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd12:3456::1",
            "224.0.0.1"
        }) {
            assertThat(AddressBlocklist.isBlockable(address)).as(address).isFalse();
        }
        assertThat(AddressBlocklist.isBlockable("100.128.0.1"))
                .as("just past carrier-grade NAT")
                .isTrue();
    }

    @Test
    void only_literals_are_read_and_each_address_has_one_form() {
        assertThat(AddressBlocklist.canonical("2001:DB8::1"))
                .isEqualTo(AddressBlocklist.canonical("2001:db8:0:0:0:0:0:1"));
        assertThat(AddressBlocklist.canonical("cafe.face"))
                .as("a name, never looked up")
                .isNull();
        assertThat(AddressBlocklist.canonical("1.2.3")).isNull();
        assertThat(AddressBlocklist.canonical("198.51.100.7, 10.0.0.1")).isNull();
        assertThat(AddressBlocklist.canonical(null)).isNull();
    }
}
