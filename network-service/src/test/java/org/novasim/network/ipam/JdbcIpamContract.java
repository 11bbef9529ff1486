package org.novasim.network.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novasim.network.ip.Cidr;
import org.novasim.network.ip.IpAddress;
import org.novasim.network.ip.IpRange;
import org.novasim.network.store.FixedIpStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * IPAM against a real database and its unique (subnet, address): two allocators stand for two network-service
 * processes sharing the database, each allocation in its own transaction as in the service.
 */
abstract class JdbcIpamContract {

    private static final Logger log = LoggerFactory.getLogger(JdbcIpamContract.class);
    private static final String NETWORK = "6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4a01";

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private TransactionTemplate transaction;
    private IpAllocator[] processes;

    /** A fresh, empty database: url, user, password. */
    abstract String[] database();

    @BeforeEach
    void migrate() {
        String[] db = database();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db[0]);
        dataSource.setUsername(db[1]);
        dataSource.setPassword(db[2]);
        dataSource.setMaximumPoolSize(16);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/network")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactions);
        processes = new IpAllocator[] {
            new IpAllocator(new FixedIpStore(jdbc, transactions), IpAllocator.Settings.DEFAULT),
            new IpAllocator(new FixedIpStore(jdbc, transactions), IpAllocator.Settings.DEFAULT)
        };
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aThousandConcurrentAllocationsOnASlash22GiveAThousandDistinctAddresses() throws Exception {
        SubnetPools subnet = subnet("10.8.0.0/22");
        List<String> ports = ports(1000);
        List<Callable<Optional<IpAddress>>> tasks = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            IpAllocator process = processes[i % 2];
            String port = ports.get(i);
            tasks.add(() -> transaction.execute(s -> process.allocate(subnet, port)));
        }

        long start = System.nanoTime();
        List<Optional<IpAddress>> results = IpAllocatorTest.runTogether(tasks, 16);
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("1000 concurrent allocations on a /22, 16 threads, two allocators: {} ms", millis);

        assertThat(results).allMatch(Optional::isPresent);
        assertThat(results.stream().map(Optional::get).distinct()).hasSize(1000);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT ip_address) FROM port_fixed_ips WHERE subnet_id = ?")
                        .param(subnet.subnetId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1000L);
    }

    @Test
    void manyConcurrentAllocationsOnASlash29TakeEveryAddressOnceAndTheRestAreToldItIsFull() throws Exception {
        SubnetPools subnet = subnet("10.9.0.0/29");
        List<String> ports = ports(40);
        List<Callable<Optional<IpAddress>>> tasks = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            IpAllocator process = processes[i % 2];
            String port = ports.get(i);
            tasks.add(() -> transaction.execute(s -> process.allocate(subnet, port)));
        }

        List<Optional<IpAddress>> results = IpAllocatorTest.runTogether(tasks, 16);

        assertThat(results.stream().flatMap(Optional::stream).map(IpAddress::toString))
                .containsExactlyInAnyOrder("10.9.0.2", "10.9.0.3", "10.9.0.4", "10.9.0.5", "10.9.0.6");
        assertThat(results.stream().filter(Optional::isEmpty)).hasSize(35);
    }

    @Test
    void anAddressReleasedInTheDatabaseIsFoundAgainByTheOtherProcess() {
        SubnetPools subnet = subnet("10.10.0.0/29");
        List<String> ports = ports(6);
        for (int i = 0; i < 5; i++) {
            String port = ports.get(i);
            transaction.execute(s -> processes[0].allocate(subnet, port));
        }
        Optional<IpAddress> full = transaction.execute(s -> processes[1].allocate(subnet, ports.get(5)));
        assertThat(full).isEmpty();

        jdbc.sql("DELETE FROM port_fixed_ips WHERE port_id = ?")
                .param(ports.get(2))
                .update();

        Optional<IpAddress> again = transaction.execute(s -> processes[1].allocate(subnet, ports.get(5)));
        assertThat(again).map(IpAddress::toString).contains("10.10.0.4");
    }

    @Test
    void aLostRaceRollsBackOnlyItsOwnInsert() {
        SubnetPools subnet = subnet("10.11.0.0/29");
        List<String> ports = ports(2);
        transaction.execute(s -> processes[0].allocate(subnet, ports.get(0)));

        // The second process's first candidate (.2) is taken: within one transaction it must skip it and still
        // commit its next address, which PostgreSQL allows only if the failed insert was rolled back alone.
        Optional<IpAddress> second = transaction.execute(s -> processes[1].allocate(subnet, ports.get(1)));

        assertThat(second).map(IpAddress::toString).contains("10.11.0.3");
        assertThat(jdbc.sql("SELECT ip_address FROM port_fixed_ips WHERE port_id = ?")
                        .param(ports.get(1))
                        .query(String.class)
                        .list())
                .containsExactly("10.11.0.3");
    }

    private SubnetPools subnet(String cidrText) {
        Cidr cidr = Cidr.parse(cidrText);
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO subnets (id, network_id, name, ip_version, cidr, gateway_ip, created_at, updated_at) "
                        + "VALUES (?, ?, ?, 4, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(
                        id,
                        NETWORK,
                        "ipam-" + cidrText,
                        cidrText,
                        cidr.first().plus(1).toString())
                .update();
        return new SubnetPools(
                id, 4, List.of(new IpRange(cidr.first().plus(2), cidr.last().plus(-1))));
    }

    private List<String> ports(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            jdbc.sql("INSERT INTO ports (id, network_id, mac_address, status, created_at, updated_at) "
                            + "VALUES (?, ?, ?, 'DOWN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .params(
                            id,
                            NETWORK,
                            String.format("fa:16:3e:%02x:%02x:%02x", i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff))
                    .update();
            ids.add(id);
        }
        return ids;
    }
}
