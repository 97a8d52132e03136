package dev.ciamkit.it.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * The IT server's database: H2 (the distribution's dev-file engine) served over TCP from the test JVM, so that tests
 * can check the rows Keycloak writes while it runs.
 */
public final class H2Database implements AutoCloseable {

    public static final String USER = "sa";
    public static final String PASSWORD = "it-db-password";

    private final Server server;

    private H2Database(Server server) {
        this.server = server;
    }

    static H2Database start(Path directory) throws SQLException {
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", directory.toString(), "-ifNotExists")
                .start();
        return new H2Database(server);
    }

    public String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/keycloakdb;NON_KEYWORDS=VALUE";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void close() {
        server.stop();
    }
}
