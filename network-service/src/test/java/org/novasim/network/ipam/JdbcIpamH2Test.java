package org.novasim.network.ipam;

import java.util.UUID;

/** {@link JdbcIpamContract} on the default database, H2, in memory. */
class JdbcIpamH2Test extends JdbcIpamContract {

    @Override
    String[] database() {
        return new String[] {"jdbc:h2:mem:ipam-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""};
    }
}
