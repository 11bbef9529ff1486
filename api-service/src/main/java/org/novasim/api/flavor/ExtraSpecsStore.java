package org.novasim.api.flavor;

import java.util.Map;
import org.novasim.api.keyvalue.KeyValueRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A flavor's extra specs (free key/value pairs such as {@code hw:cpu_policy}). */
@Repository
public class ExtraSpecsStore {

    private final KeyValueRows rows;

    public ExtraSpecsStore(JdbcClient jdbc) {
        this.rows = new KeyValueRows(jdbc, "flavor_extra_specs", "flavor_id", "spec_key", "spec_value");
    }

    public Map<String, String> of(String flavorId) {
        return rows.of(flavorId);
    }

    public void merge(String flavorId, Map<String, String> specs) {
        rows.merge(flavorId, specs);
    }

    public boolean delete(String flavorId, String key) {
        return rows.delete(flavorId, key);
    }
}
