package org.novasim.common.rpc;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/** Declares exchanges, queues and bindings that RPC endpoints create at run time. */
final class RpcTopology {

    private static final Logger log = LoggerFactory.getLogger(RpcTopology.class);

    private RpcTopology() {}

    /**
     * Registers the declarations as a bean, so that Spring AMQP's admin declares them again on every new
     * connection (after a broker restart), and declares them now if the broker is reachable. A broker that is not
     * up yet is not an error: the declarations happen when the connection comes.
     */
    static void declare(
            AmqpAdmin admin,
            ConfigurableListableBeanFactory beanFactory,
            String name,
            List<? extends Declarable> declarables) {
        beanFactory.registerSingleton(name, new Declarables(declarables));
        try {
            for (Declarable declarable : declarables) {
                if (declarable instanceof Exchange exchange) {
                    admin.declareExchange(exchange);
                } else if (declarable instanceof Queue queue) {
                    admin.declareQueue(queue);
                } else if (declarable instanceof Binding binding) {
                    admin.declareBinding(binding);
                }
            }
        } catch (AmqpException e) {
            log.warn("broker not reachable yet, {} will be declared when it is: {}", name, e.getMessage());
        }
    }
}
