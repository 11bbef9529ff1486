package org.novasim.network.rpc;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The network service on its default database, an H2 file, shared by two service processes. */
class NetworkServiceH2IT extends AbstractNetworkServiceIT {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startOnH2() {
        start(map("novasim.data-dir", dataDir.toString()));
    }
}
