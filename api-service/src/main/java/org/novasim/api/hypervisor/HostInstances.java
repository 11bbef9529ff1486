package org.novasim.api.hypervisor;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The live instances on a host, as the hypervisors and services APIs need them (uuid and name only). */
@Repository
public class HostInstances {

    /** One instance on the host. */
    public record OnHost(String uuid, String name) {}

    private final JdbcClient jdbc;

    public HostInstances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OnHost> on(String host) {
        return jdbc.sql("SELECT uuid, display_name FROM instances WHERE host = :host AND deleted_at IS NULL "
                        + "ORDER BY created_at, uuid")
                .param("host", host)
                .query((rs, row) -> new OnHost(rs.getString("uuid"), rs.getString("display_name")))
                .list();
    }

    public boolean any(String host) {
        return jdbc.sql("SELECT COUNT(*) FROM instances WHERE host = :host AND deleted_at IS NULL")
                        .param("host", host)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
