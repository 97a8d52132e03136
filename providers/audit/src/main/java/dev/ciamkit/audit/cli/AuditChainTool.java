package dev.ciamkit.audit.cli;

import dev.ciamkit.audit.chain.ChainHash;
import dev.ciamkit.audit.chain.ChainRow;
import dev.ciamkit.audit.chain.ChainStart;
import dev.ciamkit.audit.chain.ChainVerifier;
import dev.ciamkit.audit.chain.PurgeAnchor;
import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a realm's audit chain straight from the database, without a running Keycloak:
 *
 * <pre>
 * CIAMKIT_DB_PASSWORD=... java -cp "providers/ciamkit-audit.jar:providers/ciamkit-common.jar:&lt;JDBC driver and
 *     Jackson core, databind and annotations jars of lib/lib/main, as the README lists them&gt;" \
 *     dev.ciamkit.audit.cli.AuditChainTool verify --jdbc-url jdbc:postgresql://db/keycloak --user keycloak \
 *     --key-file conf/ciamkit-keys.properties --realm ciamkit-demo [--expect-seq 123456]
 * </pre>
 *
 * {@code --expect-seq} is the last number the SIEM received for the realm: a chain that ends before it lost its end,
 * even if its head row was rewritten to match (the one change the database alone cannot show).
 *
 * After the retention purge the chain starts right after the anchor of its latest purge record (Jackson, from
 * {@code lib/lib/main}, reads it); records deleted without one are missing.
 *
 * Prints one line and exits 0 when the chain holds, 1 naming the first broken, missing or reordered record, 2 on a
 * usage or connection error. The password comes from {@code CIAMKIT_DB_PASSWORD} (never the command line, which other
 * users of the machine can read).
 */
public final class AuditChainTool {

    private AuditChainTool() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("CIAMKIT_DB_PASSWORD"), System.out, System.err));
    }

    static int run(String[] args, String password, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        if (args.length < 1 || !"verify".equals(args[0]) || (args.length - 1) % 2 != 0) {
            return usage(err);
        }
        for (int i = 1; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String url = options.get("--jdbc-url");
        String keyFile = options.get("--key-file");
        String realm = options.get("--realm");
        if (url == null || keyFile == null || realm == null) {
            return usage(err);
        }
        IdentifierHasher keys;
        try {
            keys = KeyFile.load(Path.of(keyFile)).identifierHasher();
        } catch (RuntimeException e) {
            err.println("The key file could not be read: " + e.getMessage());
            return 2;
        }
        try (Connection db = DriverManager.getConnection(url, options.get("--user"), password)) {
            db.setReadOnly(true);
            db.setAutoCommit(false); // PostgreSQL streams a result set only inside a transaction
            String realmId = realmId(db, realm);
            if (realmId == null) {
                err.println("No realm named or with the id '" + realm + "'");
                return 2;
            }
            long expect;
            try {
                expect = Long.parseLong(options.getOrDefault("--expect-seq", "0"));
            } catch (NumberFormatException e) {
                return usage(err);
            }
            ChainVerifier.Result result = verify(db, realmId, expect, keys);
            if (result.intact()) {
                out.printf(
                        "intact: realm %s, %d records, %d to %d%n",
                        realm, result.checked(), result.firstSeq(), result.lastSeq());
                return 0;
            }
            out.printf(
                    "BROKEN: realm %s, %s at record %d (%s)%s; %d records before it hold%n",
                    realm,
                    result.problem(),
                    result.firstBroken(),
                    result.detail(),
                    result.recordId() == null ? "" : ", id " + result.recordId(),
                    result.checked());
            return 1;
        } catch (SQLException e) {
            err.println("The database could not be read: " + e.getClass().getSimpleName() + " " + e.getSQLState());
            return 2;
        }
    }

    private static String realmId(Connection db, String realm) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT ID FROM REALM WHERE NAME = ? OR ID = ?")) {
            q.setString(1, realm);
            q.setString(2, realm);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static ChainVerifier.Result verify(Connection db, String realmId, long expectSeq, IdentifierHasher keys)
            throws SQLException {
        long head = 0;
        try (PreparedStatement q = db.prepareStatement("SELECT SEQ FROM CIAMKIT_AUDIT_HEAD WHERE REALM_ID = ?")) {
            q.setString(1, realmId);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    head = rs.getLong(1);
                }
            }
        }
        java.util.function.BiPredicate<String, String> macCheck =
                (mac, hash) -> keys.matches(mac, ChainHash.MAC_PURPOSE, hash);
        ChainStart start = start(db, realmId, macCheck);
        if (start.refused() != null) {
            return start.refused();
        }
        ChainVerifier verifier = new ChainVerifier(start.seq(), start.prevHash(), macCheck);
        try (PreparedStatement q = db.prepareStatement(
                "SELECT " + ROW_COLUMNS + " FROM CIAMKIT_AUDIT_RECORD WHERE REALM_ID = ? AND SEQ >= ? ORDER BY SEQ")) {
            q.setFetchSize(1000);
            q.setString(1, realmId);
            q.setLong(2, start.seq());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ChainRow row = row(rs);
                    if (!verifier.accept(row)) {
                        break;
                    }
                }
            }
        }
        // a chain that ends before the SIEM's last number lost its end, even with its head row rewritten to match
        return verifier.finish(Math.max(head, expectSeq));
    }

    /** After the anchor of the realm's latest purge record, or at 1 (see {@link ChainStart}). */
    private static ChainStart start(
            Connection db, String realmId, java.util.function.BiPredicate<String, String> macCheck)
            throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT " + ROW_COLUMNS + " FROM CIAMKIT_AUDIT_RECORD WHERE REALM_ID = ? AND KIND = ?"
                        + " AND SEQ IS NOT NULL AND LINKED_AT > 0 ORDER BY SEQ DESC")) {
            q.setMaxRows(1);
            q.setString(1, realmId);
            q.setString(2, PurgeAnchor.KIND);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? ChainStart.afterPurge(row(rs), macCheck) : ChainStart.genesis();
            }
        }
    }

    /** What {@link #row(ResultSet)} reads, in its order. */
    private static final String ROW_COLUMNS = "ID, REALM_ID, SEQ, PREV_HASH, HASH, MAC, BODY, CREATED_AT, KIND,"
            + " EVENT_TYPE, OUTCOME, USER_ID, CLIENT_ID, IP_ADDRESS, ERROR_CODE";

    private static ChainRow row(ResultSet rs) throws SQLException {
        return new ChainRow(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                ChainHash.columns(
                        rs.getString(1),
                        rs.getLong(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getString(14),
                        rs.getString(15)),
                rs.getString(7));
    }

    private static int usage(PrintStream err) {
        err.println("usage: AuditChainTool verify --jdbc-url <url> [--user <user>] --key-file <file> --realm <name|id>"
                + " [--expect-seq <last number the SIEM has>]"
                + "   (password from CIAMKIT_DB_PASSWORD)");
        return 2;
    }
}
