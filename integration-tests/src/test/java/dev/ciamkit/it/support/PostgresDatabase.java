package dev.ciamkit.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of its own on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth), made afresh. */
public final class PostgresDatabase {

    public static final String HOST_URL = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    /** Null when PostgreSQL is absent, with the reason in the message so a skip can say why. */
    public static String unreachableReason() {
        try (Connection ignored = DriverManager.getConnection(HOST_URL + "postgres", USER, PASSWORD)) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL is not reachable at 127.0.0.1:5432 as user postgres (" + e.getMessage() + ")";
        }
    }

    /** Drops the database if a previous run left it, and creates it empty. */
    public static PostgresDatabase recreate(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection admin = DriverManager.getConnection(HOST_URL + "postgres", USER, PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
        return new PostgresDatabase(name);
    }

    public String jdbcUrl() {
        return HOST_URL + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }
}
