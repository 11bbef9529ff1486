package org.novasim.api.instance;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Server metadata: the free key/value pairs users attach to servers. */
@Repository
public class MetadataStore {

    private final JdbcClient jdbc;

    public MetadataStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, String> of(String instanceUuid) {
        Map<String, String> metadata = new TreeMap<>();
        jdbc.sql("SELECT meta_key, meta_value FROM instance_metadata WHERE instance_uuid = :uuid")
                .param("uuid", instanceUuid)
                .query((rs, n) -> metadata.put(rs.getString(1), rs.getString(2))).list();
        return metadata;
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
                        .put(rs.getString(2), rs.getString(3))).list();
        return all;
    }

    /** Makes the metadata exactly this. */
    public void replace(String instanceUuid, Map<String, String> metadata) {
        jdbc.sql("DELETE FROM instance_metadata WHERE instance_uuid = :uuid").param("uuid", instanceUuid).update();
        merge(instanceUuid, metadata);
    }

    /** Adds these items, replacing the values of keys that exist. */
    public void merge(String instanceUuid, Map<String, String> metadata) {
        metadata.forEach((key, value) -> {
            int updated = jdbc.sql("UPDATE instance_metadata SET meta_value = :value "
                            + "WHERE instance_uuid = :uuid AND meta_key = :key")
                    .param("value", value).param("uuid", instanceUuid).param("key", key).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO instance_metadata (instance_uuid, meta_key, meta_value) VALUES (:uuid, :key, :value)")
                        .param("value", value).param("uuid", instanceUuid).param("key", key).update();
            }
        });
    }

    public boolean delete(String instanceUuid, String key) {
        return jdbc.sql("DELETE FROM instance_metadata WHERE instance_uuid = :uuid AND meta_key = :key")
                .param("uuid", instanceUuid).param("key", key).update() == 1;
    }
}
