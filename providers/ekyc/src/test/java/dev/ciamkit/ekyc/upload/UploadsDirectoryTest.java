package dev.ciamkit.ekyc.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadsDirectoryTest {

    @Test
    void only_tmpfs_and_ramfs_count_as_memory_backed() {
        assertThat(UploadsDirectory.memoryBacked(Optional.of("tmpfs"))).isTrue();
        assertThat(UploadsDirectory.memoryBacked(Optional.of("ramfs"))).isTrue();
        assertThat(UploadsDirectory.memoryBacked(Optional.of("ext4"))).isFalse();
        assertThat(UploadsDirectory.memoryBacked(Optional.of("overlay"))).isFalse();
        assertThat(UploadsDirectory.memoryBacked(Optional.empty())).isFalse();
    }

    @Test
    void a_directory_not_yet_created_is_judged_by_its_nearest_existing_parent(@TempDir Path dir) {
        assertThat(UploadsDirectory.fileSystemType(dir.resolve("not/yet/there")))
                .isEqualTo(UploadsDirectory.fileSystemType(dir));
        assertThat(UploadsDirectory.fileSystemType(dir)).isPresent();
    }

    @Test
    void without_a_configuration_it_is_quarkuss_default_under_the_temporary_directory() {
        assertThat(UploadsDirectory.configured()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "uploads"));
    }

    @Test
    void a_directory_of_this_servers_user_is_closed_to_everyone_else(@TempDir Path dir) throws Exception {
        Path uploads = Files.createDirectory(dir.resolve("uploads"));
        Files.setPosixFilePermissions(uploads, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(UploadsDirectory.keepPrivate(uploads)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(uploads)))
                .isEqualTo("rwx------");
    }

    @Test
    void a_link_in_place_of_the_directory_is_named_not_followed(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("uploads"), elsewhere);

        assertThat(UploadsDirectory.keepPrivate(link)).contains("it is a symbolic link");
    }
}
