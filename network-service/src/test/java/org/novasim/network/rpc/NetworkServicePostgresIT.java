package org.novasim.network.rpc;

import org.junit.jupiter.api.BeforeAll;
import org.novasim.testsupport.TestDatabase;

/** The network service on PostgreSQL, shared by two service processes. */
class NetworkServicePostgresIT extends AbstractNetworkServiceIT {

    @BeforeAll
    static void startOnPostgres() {
        start(TestDatabase.create().springProperties());
    }
}
