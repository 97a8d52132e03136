package dev.ciamkit.common.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Command line for operators: {@code generate <file>} makes a new key file, {@code rotate <file>} adds a new current
 * envelope key (copy the file to every node, then restart them one by one), {@code check <file>} validates one. It
 * prints key ids, never keys.
 */
public final class KeyFileTool {

    private KeyFileTool() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: KeyFileTool generate|generate-if-missing|rotate|check <key file>");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        switch (args[0]) {
            case "generate" -> KeyFile.generate(file, random, clock);
            case "generate-if-missing" -> {
                if (!file.toFile().exists()) {
                    KeyFile.generate(file, random, clock);
                }
            }
            case "rotate" -> System.out.println("new current envelope key: " + KeyFile.rotate(file, random, clock));
            case "check" -> {}
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
        KeyMaterial keys = KeyFile.load(file);
        System.out.println(file + ": envelope keys " + keys.envelopeKeys().ids() + " (current "
                + keys.envelopeKeys().currentId() + "), peppers "
                + keys.peppers().ids());
    }
}
