package org.novasim.api.instance;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.novasim.api.keyvalue.KeyValueRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Server metadata: the free key/value pairs users attach to servers. */
@Repository
public class MetadataStore {

    private final JdbcClient jdbc;
    private final KeyValueRows rows;

    public MetadataStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new KeyValueRows(jdbc, "instance_metadata", "instance_uuid", "meta_key", "meta_value");
    }

    public Map<String, String> of(String instanceUuid) {
        return rows.of(instanceUuid);
    }

    /** The metadata of many servers in one query, for list views. */
    public Map<String, Map<String, String>> of(Collection<String> instanceUuids) {
        Map<String, Map<String, String>> all = new HashMap<>();
        if (instanceUuids.isEmpty()) {
            return all;
        }
        jdbc.sql("SELECT instance_uuid, meta_key, meta_value FROM instance_metadata WHERE instance_uuid IN (:uuids)")
                .param("uuids", List.copyOf(instanceUuids))
                .query((rs, n) -> all.computeIfAbsent(rs.getString(1), uuid -> new TreeMap<>())
                        .put(rs.getString(2), rs.getString(3)))
                .list();
        return all;
    }

    /** Makes the metadata exactly this. */
    public void replace(String instanceUuid, Map<String, String> metadata) {
        rows.replace(instanceUuid, metadata);
    }

    /** Adds these items, replacing the values of keys that exist. */
    public void merge(String instanceUuid, Map<String, String> metadata) {
        rows.merge(instanceUuid, metadata);
    }

    public boolean delete(String instanceUuid, String key) {
        return rows.delete(instanceUuid, key);
    }
}
