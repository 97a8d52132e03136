package dev.ciamkit.otp.pin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PINs nobody may choose, from a file the server operator names with an SPI option (never realm config: a realm admin
 * must not point the server at its files). One PIN per line; blank lines and lines starting with {@code #} are skipped,
 * as is anything that is not ASCII digits.
 */
public final class PinBlocklist {

    private PinBlocklist() {}

    /** @throws UncheckedIOException when the file cannot be read: the server should not start without its list */
    public static Set<String> load(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .filter(PinPolicy::digitsOnly)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("CIAM Kit: cannot read the PIN blocklist " + file.toAbsolutePath(), e);
        }
    }
}
