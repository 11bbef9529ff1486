package org.novasim.network.ipam;

import org.novasim.testsupport.TestDatabase;

/** {@link JdbcIpamContract} on PostgreSQL, where a failed insert aborts the whole transaction unless isolated. */
class JdbcIpamPostgresIT extends JdbcIpamContract {

    @Override
    String[] database() {
        TestDatabase.DatabaseEndpoint db = TestDatabase.create();
        return new String[] {db.url(), db.username(), db.password()};
    }
}
