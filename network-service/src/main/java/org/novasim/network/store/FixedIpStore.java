package org.novasim.network.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.novasim.common.network.PortFixedIp;
import org.novasim.network.ipam.AddressStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code port_fixed_ips} table: IPAM's {@link AddressStore}, and where ports' addresses are read from.
 *
 * <p>An insert runs in a nested transaction (a savepoint) inside the caller's: PostgreSQL aborts a whole
 * transaction on a failed statement, so losing a race for an address must roll back only that insert.
 */
public class FixedIpStore implements AddressStore {

    /** Ids per IN list when reading the addresses of many ports. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    public FixedIpStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public boolean tryInsert(String subnetId, String address, String portId) {
        try {
            savepoint.executeWithoutResult(
                    status -> jdbc.sql("INSERT INTO port_fixed_ips (port_id, subnet_id, ip_address) VALUES (?, ?, ?)")
                            .params(portId, subnetId, address)
                            .update());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Collection<String> usedAddresses(String subnetId) {
        return jdbc.sql("SELECT ip_address FROM port_fixed_ips WHERE subnet_id = ?")
                .param(subnetId)
                .query(String.class)
                .list();
    }

    public List<PortFixedIp> ofPort(String portId) {
        return jdbc.sql(
                        "SELECT subnet_id, ip_address FROM port_fixed_ips WHERE port_id = ? ORDER BY subnet_id, ip_address")
                .param(portId)
                .query((rs, n) -> new PortFixedIp(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The addresses of many ports in a few queries, by port id. */
    public Map<String, List<PortFixedIp>> ofPorts(Collection<String> portIds) {
        Map<String, List<PortFixedIp>> byPort = new HashMap<>();
        List<String> ids = List.copyOf(portIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            jdbc.sql("SELECT port_id, subnet_id, ip_address FROM port_fixed_ips WHERE port_id IN (:ids) "
                            + "ORDER BY subnet_id, ip_address")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .query(rs -> {
                        byPort.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new PortFixedIp(rs.getString(2), rs.getString(3)));
                    });
        }
        return byPort;
    }

    public boolean subnetInUse(String subnetId) {
        return jdbc.sql("SELECT COUNT(*) FROM port_fixed_ips WHERE subnet_id = ?")
                        .param(subnetId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void deleteOfPort(String portId) {
        jdbc.sql("DELETE FROM port_fixed_ips WHERE port_id = ?").param(portId).update();
    }
}
