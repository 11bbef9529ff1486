package org.novasim.common.rpc;

import java.util.Map;
import org.novasim.testsupport.TestBroker;

/** The RPC layer's promises on RabbitMQ: Testcontainers' when a Docker engine is there, else the local one. */
class RpcOverBrokerIT extends RpcPromisesContract {

    @Override
    protected Map<String, Object> brokerProperties() {
        return TestBroker.isolated().springProperties();
    }
}
