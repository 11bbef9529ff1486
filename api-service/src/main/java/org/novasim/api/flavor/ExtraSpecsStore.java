package org.novasim.api.flavor;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A flavor's extra specs (free key/value pairs such as {@code hw:cpu_policy}). */
@Repository
public class ExtraSpecsStore {

    private final JdbcClient jdbc;

    public ExtraSpecsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, String> of(String flavorId) {
        Map<String, String> specs = new TreeMap<>();
        jdbc.sql("SELECT spec_key, spec_value FROM flavor_extra_specs WHERE flavor_id = :flavor")
                .param("flavor", flavorId).query((rs, n) -> specs.put(rs.getString(1), rs.getString(2))).list();
        return specs;
    }

    public void merge(String flavorId, Map<String, String> specs) {
        specs.forEach((key, value) -> {
            int updated = jdbc.sql("UPDATE flavor_extra_specs SET spec_value = :value "
                            + "WHERE flavor_id = :flavor AND spec_key = :key")
                    .param("value", value).param("flavor", flavorId).param("key", key).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO flavor_extra_specs (flavor_id, spec_key, spec_value) VALUES (:flavor, :key, :value)")
                        .param("value", value).param("flavor", flavorId).param("key", key).update();
            }
        });
    }

    public boolean delete(String flavorId, String key) {
        return jdbc.sql("DELETE FROM flavor_extra_specs WHERE flavor_id = :flavor AND spec_key = :key")
                .param("flavor", flavorId).param("key", key).update() == 1;
    }
}
