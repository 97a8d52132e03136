package dev.ciamkit.common.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Command line for operators. It prints key ids, never keys.
 *
 * <ul>
 *   <li>{@code generate <file>}: a new key file.
 *   <li>{@code add-next <file>}: rotation, phase one: a new envelope key every node can open with and none seals with
 *       yet. Copy the file to every node and restart them one by one.
 *   <li>{@code promote <file>}: phase two, only once every node runs with the add-next file: the next key becomes
 *       current. Copy the file to every node and restart them one by one again.
 *   <li>{@code check <file>}: validates a file and reports current, next and all key ids.
 * </ul>
 *
 * There is no one-step rotation: a key made current at once lets the nodes restarted first seal values that the
 * others cannot open.
 */
public final class KeyFileTool {

    static final String ROTATE_REMOVED = "rotate no longer exists: a key made current at once breaks a rolling restart."
            + " Rotate in two steps: `add-next <file>`, copy the file to every node and restart each; then"
            + " `promote <file>`, copy it again and restart each.";

    private KeyFileTool() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: KeyFileTool generate|generate-if-missing|add-next|promote|check <key file>");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        try {
            switch (args[0]) {
                case "generate" -> KeyFile.generate(file, random, clock);
                case "generate-if-missing" -> {
                    if (!file.toFile().exists()) {
                        KeyFile.generate(file, random, clock);
                    }
                }
                case "add-next" ->
                    System.out.println("next envelope key (opens, does not seal yet): "
                            + KeyFile.addNext(file, random, clock)
                            + ". Copy the file to every node, restart each, then run promote.");
                case "promote" ->
                    System.out.println("current envelope key now: " + KeyFile.promote(file)
                            + ". Copy the file to every node and restart each.");
                case "rotate" -> {
                    System.err.println(ROTATE_REMOVED);
                    System.exit(2);
                }
                case "check" -> {}
                default -> {
                    System.err.println("unknown command " + args[0]);
                    System.exit(2);
                }
            }
            System.out.println(describe(file, KeyFile.load(file)));
        } catch (CryptoException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    static String describe(Path file, KeyMaterial keys) {
        KeyRing envelope = keys.envelopeKeys();
        return file + ": envelope current " + envelope.currentId() + ", next "
                + envelope.nextId().orElse("(none)") + ", keys " + envelope.ids() + "; peppers "
                + keys.peppers().ids() + " (current " + keys.peppers().currentId() + ")";
    }
}
