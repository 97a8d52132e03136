package dev.ciamkit.common.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The key file: a Java properties file kept outside the database (and backed up apart from it).
 *
 * <pre>
 * envelope.current=k20261123T101500
 * envelope.next=k20261201T090000            (only between add-next and promote)
 * envelope.key.k20261123T101500=&lt;base64 of 32 random bytes&gt;
 * envelope.key.k20261201T090000=&lt;base64 of 32 random bytes&gt;
 * pepper.current=p20261123T101500
 * pepper.key.p20261123T101500=&lt;base64 of 32 random bytes&gt;
 * </pre>
 *
 * Rotation has two phases, so that a rolling restart never has a node seal with a key another node lacks:
 * {@link #addNext} adds a key as {@code envelope.next} (every node that has the file opens with it, none seals with
 * it); once that file is on every node and each was restarted, {@link #promote} makes it current. Old keys stay so
 * that old ciphertexts still open.
 */
public final class KeyFile {

    static final String ENVELOPE = "envelope";
    static final String PEPPER = "pepper";
    private static final String CURRENT = ".current";
    private static final String NEXT = ".next";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private KeyFile() {}

    public static KeyMaterial load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CryptoException("key file " + file.toAbsolutePath() + " does not exist. Create it with `java -cp "
                    + "ciamkit-common.jar " + KeyFileTool.class.getName() + " generate " + file
                    + "` (keep it outside the database, readable only by Keycloak), or point the provider option "
                    + "spi-ciamkit-envelope--keyfile--key-file at an existing one.");
        }
        Properties properties = read(file);
        try {
            return new KeyMaterial(
                    ring(properties, ENVELOPE, "AES"), ring(properties, PEPPER, IdentifierHasher.ALGORITHM));
        } catch (CryptoException e) {
            throw new CryptoException("key file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Writes a new key file with one envelope key and one pepper; refuses to overwrite an existing file. */
    public static void generate(Path file, SecureRandom random, Clock clock) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a key file is never overwritten");
        }
        Properties properties = new Properties();
        properties.setProperty(ENVELOPE + CURRENT, addKey(properties, ENVELOPE, 'k', random, clock));
        properties.setProperty(PEPPER + CURRENT, addKey(properties, PEPPER, 'p', random, clock));
        write(file, properties);
    }

    /**
     * Phase one: adds a new envelope key as next. Peppers are not rotated here: a new pepper changes every identifier
     * hash, which is a migration of its own.
     *
     * @return the new key's id
     */
    public static String addNext(Path file, SecureRandom random, Clock clock) throws IOException {
        load(file);
        Properties properties = read(file);
        String pending = properties.getProperty(ENVELOPE + NEXT);
        if (pending != null) {
            throw new CryptoException("key file " + file.toAbsolutePath() + " already has the next key '" + pending
                    + "'; promote it (after every node has this file) before adding another");
        }
        String id = addKey(properties, ENVELOPE, 'k', random, clock);
        properties.setProperty(ENVELOPE + NEXT, id);
        write(file, properties);
        return id;
    }

    /**
     * Phase two: the next key becomes current. Only safe once every node runs with the file that holds the next key;
     * nodes still on that file (not yet restarted) open what promoted nodes seal, because it holds the key.
     *
     * @return the id of the new current key
     */
    public static String promote(Path file) throws IOException {
        load(file);
        Properties properties = read(file);
        String next = properties.getProperty(ENVELOPE + NEXT);
        if (next == null) {
            throw new CryptoException("key file " + file.toAbsolutePath() + " has no next key to promote; add one with"
                    + " add-next and roll it out to every node first");
        }
        properties.setProperty(ENVELOPE + CURRENT, next);
        properties.remove(ENVELOPE + NEXT);
        write(file, properties);
        return next;
    }

    private static KeyRing ring(Properties properties, String kind, String algorithm) {
        String prefix = kind + ".key.";
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                String id = name.substring(prefix.length());
                try {
                    keys.put(
                            id,
                            Base64.getDecoder()
                                    .decode(properties.getProperty(name).trim()));
                } catch (IllegalArgumentException e) {
                    throw new CryptoException(kind + " key '" + id + "' is not valid base64");
                }
            }
        }
        if (keys.isEmpty()) {
            throw new CryptoException("no " + prefix + "<id> entries");
        }
        return KeyRing.of(keys, properties.getProperty(kind + CURRENT), properties.getProperty(kind + NEXT), algorithm);
    }

    private static String addKey(Properties properties, String kind, char idPrefix, SecureRandom random, Clock clock) {
        String id = idPrefix + ID_TIME.format(clock.instant().atOffset(ZoneOffset.UTC));
        if (properties.containsKey(kind + ".key." + id)) {
            throw new CryptoException(kind + " key '" + id + "' already exists; try again in a second");
        }
        byte[] key = new byte[KeyRing.KEY_BYTES];
        random.nextBytes(key);
        properties.setProperty(kind + ".key." + id, Base64.getEncoder().encodeToString(key));
        return id;
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new CryptoException("key file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
        return properties;
    }

    private static void write(Path file, Properties properties) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".ciamkit-keys", ".tmp");
        restrictToOwner(temp);
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            properties.store(writer, "CIAM Kit keys. Keep outside the database, back up apart from it, never commit.");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(
                    file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }
}
