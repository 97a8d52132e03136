package dev.ciamkit.risk.signal.network;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A network in CIDR notation ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) or a single address. Address literals
 * are parsed by Guava's {@link InetAddresses} (shipped by Keycloak), which never resolves names. IPv4-mapped IPv6
 * addresses compare as IPv4.
 */
public record Cidr(byte[] network, int prefix) {

    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("[0-9A-Fa-f.:]+");

    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        int slash = value.indexOf('/');
        Optional<InetAddress> address = address(slash < 0 ? value : value.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(mask(bytes, prefix), prefix));
    }

    /**
     * The address of a literal (at most 64 characters; an IPv6 zone is dropped), or empty; never a name lookup, never
     * an exception. Only ASCII hex digits, dots and colons pass: Guava reads any Unicode digit as a digit.
     */
    public static Optional<InetAddress> address(String literal) {
        if (literal == null || literal.isBlank() || literal.length() > 64) {
            return Optional.empty();
        }
        String text = literal.strip();
        int zone = text.indexOf('%');
        if (zone >= 0 && text.indexOf(':') >= 0) {
            text = text.substring(0, zone);
        }
        if (!LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            InetAddress address = InetAddresses.forString(text);
            return Optional.of(
                    address instanceof java.net.Inet6Address && InetAddresses.isMappedIPv4Address(text)
                            ? InetAddresses.getCoercedIPv4Address(address)
                            : address);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        byte[] masked = mask(bytes, prefix);
        return java.util.Arrays.equals(masked, network);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int i = 0; i < masked.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] = (byte) (masked[i] & (0xff << (8 - bits)));
        }
        return masked;
    }
}
