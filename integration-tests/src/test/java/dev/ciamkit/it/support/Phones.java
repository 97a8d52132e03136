package dev.ciamkit.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.pages.PhoneRegisterPage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phone binding for tests: the registration page driven with the code that reached the test gateway. */
public final class Phones {

    private static final Pattern CODE = Pattern.compile("(\\d{6,8})");

    private Phones() {}

    /** On the phone registration page: types the number, reads the code off the gateway and registers. */
    public static void bind(Browser browser, SmsGateway gateway, String number) throws InterruptedException {
        new PhoneRegisterPage(browser).number(number).code(code(gateway.next()));
    }

    /** The one-time code in a text the gateway received. */
    public static String code(SmsGateway.Received sms) {
        Matcher matcher = CODE.matcher(sms.body().get("text").asText());
        assertThat(matcher.find()).as("a code in the text").isTrue();
        return matcher.group(1);
    }
}
