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
        assertThat(AddressBlocklist.canonical("1.2.3.256"))
                .as("not an address: the JDK would look it up as a host name")
                .isNull();
        assertThat(AddressBlocklist.canonical("198.51.100.255")).isEqualTo("198.51.100.255");
        assertThat(AddressBlocklist.canonical("198.51.100.7, 10.0.0.1")).isNull();
        assertThat(AddressBlocklist.canonical(null)).isNull();
    }

    @Test
    void an_ipv6_address_counts_and_is_blocked_as_its_64_and_an_ipv4_address_as_itself() {
        assertThat(AddressBlocklist.network("2001:db8:42:1::a"))
                .isEqualTo("2001:db8:42:1:0:0:0:0/64")
                .isEqualTo(AddressBlocklist.network("2001:DB8:42:1:ffff:1:2:3"));
        assertThat(AddressBlocklist.network("2001:db8:42:2::a"))
                .as("the next /64 is another subscriber")
                .isEqualTo("2001:db8:42:2:0:0:0:0/64");
        assertThat(AddressBlocklist.network("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(AddressBlocklist.network("::ffff:198.51.100.7"))
                .as("an IPv4 client behind a dual-stack proxy is that IPv4 address")
                .isEqualTo("198.51.100.7");
        assertThat(AddressBlocklist.network("64:ff9b::c633:6407"))
                .as("NAT64: one IPv4 client each, never a /64 of them")
                .isEqualTo("64:ff9b:0:0:0:0:c633:6407");
        assertThat(AddressBlocklist.network("2001:0:4136:e378:8000:63bf:3fff:fdd2"))
                .as("Teredo: the /64 is the relay all its clients share")
                .isEqualTo("2001:0:4136:e378:8000:63bf:3fff:fdd2");
        assertThat(AddressBlocklist.network("::5"))
                .as("outside 2000::/3, so never ::/64 with loopback in it")
                .isEqualTo("0:0:0:0:0:0:0:5");
        assertThat(AddressBlocklist.isNetwork(AddressBlocklist.network("2001:db8::1")))
                .isTrue();
        assertThat(AddressBlocklist.isNetwork(AddressBlocklist.network("198.51.100.7")))
                .isFalse();
        assertThat(AddressBlocklist.network("cafe.face")).isNull();
        assertThat(AddressBlocklist.network(null)).isNull();
    }

    @Test
    void a_block_is_looked_up_by_the_address_and_for_ipv6_by_its_64_too() {
        assertThat(AddressBlocklist.names("2001:db8:42:1::a"))
                .containsExactly("2001:db8:42:1:0:0:0:a", "2001:db8:42:1:0:0:0:0/64");
        assertThat(AddressBlocklist.names("198.51.100.7")).containsExactly("198.51.100.7");
        assertThat(AddressBlocklist.names("2001:db8:42:1::/64"))
                .as("not a literal: the admin lifts a network's block with one of its addresses")
                .isEmpty();
    }
}
