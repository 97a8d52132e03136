package dev.ciamkit.it.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what the server mailed to the test SMTP server (GreenMail). */
public final class Mails {

    private static final Pattern ACTION_TOKEN_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");

    private Mails() {}

    /**
     * Waits for a mail to one address that carries an action-token link (reset password, verify email...) and returns
     * the link; other mails to the address (such as the new-device notice) are passed over. Fails after 20 seconds.
     */
    public static String awaitActionTokenLink(GreenMail smtp, String address) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                if (recipient(mail).map(address::equalsIgnoreCase).orElse(false)) {
                    Matcher link = ACTION_TOKEN_LINK.matcher(part(mail, "text/plain"));
                    if (link.find()) {
                        return link.group();
                    }
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no mail with an action-token link to " + address);
            }
            Thread.sleep(200);
        }
    }

    /** Waits for a mail to one address with this subject (others are passed over); fails after 20 seconds. */
    public static MimeMessage awaitMail(GreenMail smtp, String address, String subject) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                if (recipient(mail).map(address::equalsIgnoreCase).orElse(false) && subject.equals(mail.getSubject())) {
                    return mail;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no mail '" + subject + "' to " + address);
            }
            Thread.sleep(200);
        }
    }

    /** The decoded content of the mail's first part of that MIME type, however deeply nested. */
    public static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                try {
                    return part(multipart.getBodyPart(i), type);
                } catch (AssertionError notHere) {
                    // look in the next part
                }
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static Optional<String> recipient(MimeMessage mail) {
        try {
            return Optional.of(mail.getAllRecipients()[0].toString());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
