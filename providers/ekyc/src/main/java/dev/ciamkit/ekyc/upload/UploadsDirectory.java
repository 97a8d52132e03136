package dev.ciamkit.ekyc.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Logs where uploaded images pass through; a warning when that is not memory-backed storage. */
    static void check() {
        Path dir = configured();
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
