package dev.ciamkit.ekyc.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Where the HTTP layer keeps a multipart file part while its request runs. Quarkus REST writes every file part to a
 * file in {@value #PROPERTY} (default {@code java.io.tmpdir/uploads}) and deletes it when the request ends: the eKYC
 * images pass through it in the clear before the step seals them, so it belongs on memory-backed storage. The
 * distribution points it at {@code /dev/shm/ciamkit-uploads}; the server warns at start when it is on a disk.
 */
final class UploadsDirectory {

    static final String PROPERTY = "quarkus.http.body.uploads-directory";

    private static final Logger LOG = Logger.getLogger(UploadsDirectory.class);
    private static final Set<String> MEMORY_BACKED = Set.of("tmpfs", "ramfs");

    private UploadsDirectory() {}

    /** The directory the server uses: the configured one, or Quarkus's default. */
    static Path configured() {
        Optional<String> value;
        try {
            value = ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class);
        } catch (RuntimeException | LinkageError e) {
            value = Optional.empty();
        }
        return value.filter(v -> !v.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "uploads"));
    }

    /** The file system type holding {@code dir} (or its nearest existing parent), e.g. {@code tmpfs}; empty if unknown. */
    static Optional<String> fileSystemType(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.getFileStore(existing).type());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean memoryBacked(Optional<String> fileSystemType) {
        return fileSystemType
                .map(t -> MEMORY_BACKED.contains(t.toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    /**
     * Makes the directory this server's alone where it can: when it is ours and not a link, closes it to everyone
     * else (0700); otherwise (a link, or made by another user first, e.g. in a shared /dev/shm) answers why not.
     */
    static Optional<String> keepPrivate(Path dir) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (Files.isSymbolicLink(dir)) {
                return Optional.of("it is a symbolic link");
            }
            String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                return Optional.of("it belongs to " + owner + ", not to this server's user");
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.of("its owner and permissions cannot be checked ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Logs where uploaded images pass through; a warning when that is not memory-backed storage or not private. */
    static void check() {
        Path dir = configured();
        keepPrivate(dir)
                .ifPresent(why -> LOG.warnf(
                        "eKYC image uploads pass through %s, which is not private to this server: %s. Another local"
                                + " user could read or replace an image there; point %s at a directory of this"
                                + " server's own.",
                        dir, why, PROPERTY));
        Optional<String> type = fileSystemType(dir);
        if (memoryBacked(type)) {
            LOG.infof("eKYC image uploads pass through %s (%s)", dir, type.get());
        } else {
            LOG.warnf(
                    "eKYC image uploads pass through %s (%s), which is not memory-backed: each ID photo and selfie is"
                            + " written there in the clear for its request. Set %s to a tmpfs directory (the"
                            + " distribution's conf/quarkus.properties uses /dev/shm/ciamkit-uploads).",
                    dir, type.orElse("file system unknown"), PROPERTY);
        }
    }
}
