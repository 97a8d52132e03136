package dev.ciamkit.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedUsersTest {

    @TempDir
    Path dir;

    @Test
    void users_come_round_in_order_from_the_stored_position() throws Exception {
        SharedUsers users = SharedUsers.load(csv("u0", "u1", "u2"), 2);

        assertThat(users.next()).containsEntry("username", "u2");
        assertThat(users.next()).containsEntry("username", "u0");
        assertThat(users.position()).isEqualTo(1);
    }

    @Test
    void a_user_coming_back_while_its_code_is_remembered_is_reported_once() throws Exception {
        SharedUsers users = SharedUsers.load(csv("u0", "u1"), 0);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            users.next();
            users.next();
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            users.next();
            users.next();
            users.next();
        } finally {
            System.setErr(original);
        }

        String warning = err.toString(StandardCharsets.UTF_8);
        assertThat(warning).contains("u0 signs in again", "2 users are too few");
        assertThat(warning.lines().count()).isEqualTo(1);
    }

    private Path csv(String... names) throws Exception {
        StringBuilder csv = new StringBuilder("username,seedHex\n");
        for (String name : names) {
            csv.append(name).append(",00\n");
        }
        return Files.writeString(dir.resolve("users.csv"), csv);
    }
}
