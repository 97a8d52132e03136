package dev.ciamkit.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ja"})
    void every_english_key_exists_in_the_other_locales_with_the_same_placeholders(String locale) throws IOException {
        Properties english = load("en");
        Properties other = load(locale);

        assertThat(other.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(other.getProperty(key)))
                    .as("placeholders of %s in %s", key, locale)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ja"})
    void translations_are_written_in_their_own_script(String locale) throws IOException {
        Properties bundle = load(locale);
        Pattern script = locale.equals("ko")
                ? Pattern.compile("\\p{IsHangul}")
                : Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

        assertThat(bundle.getProperty("loginAccountTitle")).containsPattern(script);
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    static Properties load(String locale) throws IOException {
        String path = "/theme/ciamkit/login/messages/messages_" + locale + ".properties";
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
