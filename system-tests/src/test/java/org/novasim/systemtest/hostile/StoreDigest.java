package org.novasim.systemtest.hostile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A fingerprint of what the services have stored, to tell whether a refused request changed anything. It reads
 * every table of the given databases, leaving out what changes by itself while nobody asks (host reports and
 * heartbeats, a build's or an action's progress, timestamps), so that a refused request that changed anything a
 * client set (a row added or gone, a name, a quota, a flag, a token revoked) changes the fingerprint.
 */
final class StoreDigest {

    private static final Set<String> MOVING_TABLES = Set.of(
            "services",
            "compute_nodes",
            "instance_action_events",
            "instance_faults",
            "flyway_schema_history",
            "quota_locks");
    private static final Pattern MOVING_COLUMNS = Pattern.compile(
            ".*(_at|_time|state|status|host|node|progress|report_count|disabled_reason|binding_host_id|launched_on"
                    + "|message|details|finish_time|start_time|vm_mode|device_owner)$");

    private final List<DataSource> databases;

    StoreDigest(List<DataSource> databases) {
        this.databases = databases;
    }

    String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (DataSource database : databases) {
                try (Connection connection = database.getConnection()) {
                    for (String table : tables(connection)) {
                        sha.update(table.getBytes());
                        sha.update(rows(connection, table).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables and their rows, readable: what a failure shows when the fingerprint changed. */
    String dump() {
        StringBuilder dump = new StringBuilder();
        for (DataSource database : databases) {
            try (Connection connection = database.getConnection()) {
                for (String table : tables(connection)) {
                    dump.append(table).append(":\n").append(rows(connection, table));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return dump.toString();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        try (ResultSet found = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String name = found.getString("TABLE_NAME");
                if (!MOVING_TABLES.contains(name.toLowerCase(Locale.ROOT))) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    private static String rows(Connection connection, String table) throws SQLException {
        TreeMap<String, Integer> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    String column = columns.getColumnName(i).toLowerCase(Locale.ROOT);
                    if (column.equals("deleted_at")) {
                        // When it was deleted moves with the delete's progress; that it was does not.
                        row.append("deleted=")
                                .append(result.getObject(i) != null)
                                .append(' ');
                    } else if (!MOVING_COLUMNS.matcher(column).matches()) {
                        row.append(column)
                                .append('=')
                                .append(result.getString(i))
                                .append(' ');
                    }
                }
                rows.merge(row.toString(), 1, Integer::sum);
            }
        }
        StringBuilder all = new StringBuilder();
        rows.forEach((row, count) -> all.append("  ")
                .append(row)
                .append(count > 1 ? "x" + count : "")
                .append('\n'));
        return all.toString();
    }
}
