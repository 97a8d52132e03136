package dev.ciamkit.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every CIAM Kit message bundle on the classpath (this theme's and the {@code theme-resources} of every provider jar)
 * has the same keys with the same placeholders in en, ko and ja, and every {@code msg("ciamkit...")} in our templates
 * exists. Where Keycloak has no Korean (emails, the v3 account console), our Korean bundle covers its English one.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("msg\\(\"(ciamkit[A-Za-z0-9]*)\"");
    /** The v3 account console's placeholders: i18next's {@code {{name}}} and the numbered tags of its Trans. */
    private static final Pattern I18NEXT_PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|</?\\d+>");

    private static final String EMAIL_DIR = "theme/ciamkit/email/messages/";
    private static final String ACCOUNT_DIR = "theme/ciamkit/account/messages/";
    private static final List<String> BUNDLE_DIRS =
            List.of("theme/ciamkit/login/messages/", "theme-resources/messages/");

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ja"})
    void every_english_key_exists_in_the_other_locales_with_the_same_placeholders(String locale) throws IOException {
        for (String dir : BUNDLE_DIRS) {
            List<Properties> english = bundles(dir, "en");
            List<Properties> other = bundles(dir, locale);
            assertThat(other).as("%s bundles in %s", locale, dir).hasSameSizeAs(english);
            for (int i = 0; i < english.size(); i++) {
                Properties en = english.get(i);
                Properties translated = other.get(i);
                assertThat(translated.stringPropertyNames())
                        .as(dir + " " + locale)
                        .isEqualTo(en.stringPropertyNames());
                for (String key : en.stringPropertyNames()) {
                    assertThat(placeholders(translated.getProperty(key)))
                            .as("placeholders of %s in %s", key, locale)
                            .isEqualTo(placeholders(en.getProperty(key)));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ja"})
    void translations_are_written_in_their_own_script(String locale) throws IOException {
        Pattern script = locale.equals("ko")
                ? Pattern.compile("\\p{IsHangul}")
                : Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
        for (String dir : BUNDLE_DIRS) {
            for (Properties bundle : bundles(dir, locale)) {
                long translated = bundle.values().stream()
                        .filter(v -> script.matcher(v.toString()).find())
                        .count();
                assertThat(translated)
                        .as("%s messages in %s script", dir, locale)
                        .isGreaterThan(bundle.size() / 2);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ja"})
    void our_email_keys_exist_in_every_locale_with_the_same_placeholders(String locale) throws IOException {
        Properties english = single(EMAIL_DIR, "en");
        Properties other = single(EMAIL_DIR, locale);

        assertThat(other.stringPropertyNames()).containsAll(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(other.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    /** Keycloak ships no Korean email bundle; ours has to say everything Keycloak's English one says. */
    @Test
    void the_korean_email_bundle_covers_every_keycloak_email() throws IOException {
        Properties keycloak = single("theme/base/email/messages/", "en");
        Properties korean = single(EMAIL_DIR, "ko");

        assertThat(keycloak).isNotEmpty();
        assertThat(korean.stringPropertyNames()).containsAll(keycloak.stringPropertyNames());
        for (String key : keycloak.stringPropertyNames()) {
            assertThat(placeholders(korean.getProperty(key)))
                    .as("placeholders of %s", key)
                    .isEqualTo(placeholders(keycloak.getProperty(key)));
            assertThat(korean.getProperty(key)).as(key).containsPattern("\\p{IsHangul}|^\\[KEYCLOAK]");
        }
    }

    /**
     * Keycloak's v3 account console ships no Korean bundle; ours has to say everything its English one says, with the
     * same placeholders, and in Hangul wherever the English has words.
     */
    @Test
    void the_korean_account_bundle_covers_every_account_console_message() throws IOException {
        Properties keycloak = single("theme/keycloak.v3/account/messages/", "en");
        Properties korean = single(ACCOUNT_DIR, "ko");

        assertThat(keycloak).isNotEmpty();
        assertThat(korean.stringPropertyNames()).containsAll(keycloak.stringPropertyNames());
        for (String key : keycloak.stringPropertyNames()) {
            String value = korean.getProperty(key);
            assertThat(i18nextPlaceholders(value))
                    .as("placeholders of %s", key)
                    .isEqualTo(i18nextPlaceholders(keycloak.getProperty(key)));
            if (I18NEXT_PLACEHOLDER.matcher(value).replaceAll("").codePoints().anyMatch(Character::isLetter)) {
                assertThat(value).as(key).containsPattern("\\p{IsHangul}");
            }
        }
    }

    private static List<String> i18nextPlaceholders(String message) {
        List<String> found = new ArrayList<>();
        Matcher matcher = I18NEXT_PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        Collections.sort(found);
        return found;
    }

    private static Properties single(String dir, String locale) throws IOException {
        List<Properties> bundles = bundles(dir, locale);
        assertThat(bundles).as(dir + " " + locale).hasSize(1);
        return bundles.get(0);
    }

    @Test
    void every_message_our_templates_use_exists() throws Exception {
        Set<String> known = new TreeSet<>();
        for (String dir : BUNDLE_DIRS) {
            bundles(dir, "en").forEach(b -> known.addAll(b.stringPropertyNames()));
        }
        Set<String> used = new TreeSet<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("theme-resources/templates"))) {
            try (Stream<Path> files = Files.walk(path(url))) {
                for (Path template : files.filter(Files::isRegularFile).toList()) {
                    Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    private static Path path(URL url) throws Exception {
        URI uri = url.toURI();
        if ("jar".equals(uri.getScheme())) {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return fs.provider().getPath(uri);
        }
        return Path.of(uri);
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The bundles of one locale in one directory, one per jar, in a stable order. */
    static List<Properties> bundles(String dir, String locale) throws IOException {
        List<URL> urls = Collections.list(
                MessageBundlesTest.class.getClassLoader().getResources(dir + "messages_" + locale + ".properties"));
        urls.sort((a, b) -> a.toString()
                .replace("_" + locale + ".", ".")
                .compareTo(b.toString().replace("_" + locale + ".", ".")));
        List<Properties> bundles = new ArrayList<>();
        for (URL url : urls) {
            try (InputStream in = url.openStream()) {
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                bundles.add(properties);
            }
        }
        return bundles;
    }
}
