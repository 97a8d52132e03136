package dev.ciamkit.otp.enrolment;

import dev.ciamkit.otp.engine.OtpPolicy;
import dev.ciamkit.otp.engine.OtpType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.keycloak.models.utils.Base32;

/**
 * The {@code otpauth://} URI in the Key URI Format that Google Authenticator, Microsoft Authenticator and FreeOTP
 * read: {@code otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30}.
 */
public final class OtpAuthUri {

    private OtpAuthUri() {}

    public static String of(String issuer, String account, byte[] seed, OtpPolicy policy) {
        StringBuilder uri = new StringBuilder("otpauth://")
                .append(policy.type().name().toLowerCase(Locale.ROOT))
                .append('/')
                .append(encode(issuer))
                .append(':')
                .append(encode(account))
                .append("?secret=")
                .append(base32(seed))
                .append("&issuer=")
                .append(encode(issuer))
                .append("&algorithm=")
                .append(policy.algorithm().name())
                .append("&digits=")
                .append(policy.digits());
        if (policy.type() == OtpType.TOTP) {
            uri.append("&period=").append(policy.period());
        } else {
            uri.append("&counter=0");
        }
        return uri.toString();
    }

    /** Base32 without padding, as the apps expect. */
    public static String base32(byte[] seed) {
        return Base32.encode(seed).replace("=", "");
    }

    /** The key as people type it: groups of four. */
    public static String grouped(String base32) {
        return base32.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
