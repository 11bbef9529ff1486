package org.novasim.api.keyvalue;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Free key/value pairs of an owner, one row each (a server's metadata, a flavor's extra specs): read, merge,
 * delete one. The table and column names are the caller's constants, never input.
 */
public final class KeyValueRows {

    private final JdbcClient jdbc;
    private final String select;
    private final String update;
    private final String insert;
    private final String deleteOne;
    private final String deleteAll;

    public KeyValueRows(JdbcClient jdbc, String table, String ownerColumn, String keyColumn, String valueColumn) {
        this.jdbc = jdbc;
        String owned = " WHERE " + ownerColumn + " = :owner";
        this.select = "SELECT " + keyColumn + ", " + valueColumn + " FROM " + table + owned;
        this.update = "UPDATE " + table + " SET " + valueColumn + " = :value" + owned + " AND " + keyColumn + " = :key";
        this.insert = "INSERT INTO " + table + " (" + ownerColumn + ", " + keyColumn + ", " + valueColumn + ") "
                + "VALUES (:owner, :key, :value)";
        this.deleteOne = "DELETE FROM " + table + owned + " AND " + keyColumn + " = :key";
        this.deleteAll = "DELETE FROM " + table + owned;
    }

    /** The owner's pairs, sorted by key. */
    public Map<String, String> of(String owner) {
        Map<String, String> pairs = new TreeMap<>();
        jdbc.sql(select)
                .param("owner", owner)
                .query((rs, n) -> pairs.put(rs.getString(1), rs.getString(2)))
                .list();
        return pairs;
    }

    /** Adds these pairs, replacing the values of keys the owner has. */
    public void merge(String owner, Map<String, String> pairs) {
        pairs.forEach((key, value) -> {
            if (jdbc.sql(update)
                            .param("value", value)
                            .param("owner", owner)
                            .param("key", key)
                            .update()
                    == 0) {
                jdbc.sql(insert)
                        .param("value", value)
                        .param("owner", owner)
                        .param("key", key)
                        .update();
            }
        });
    }

    /** Makes the owner's pairs exactly these. */
    public void replace(String owner, Map<String, String> pairs) {
        jdbc.sql(deleteAll).param("owner", owner).update();
        merge(owner, pairs);
    }

    public boolean delete(String owner, String key) {
        return jdbc.sql(deleteOne).param("owner", owner).param("key", key).update() == 1;
    }
}
