package org.novasim.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.novasim.common.conductor.InstanceNotFoundException;
import org.novasim.common.conductor.UnexpectedTaskStateException;
import org.novasim.common.network.FixedIpInUseException;
import org.novasim.common.network.InvalidInputException;
import org.novasim.common.network.IpAddressExhaustedException;
import org.novasim.common.network.NetworkAmbiguousException;
import org.novasim.common.network.NetworkInUseException;
import org.novasim.common.network.NetworkNotFoundException;
import org.novasim.common.network.OverQuotaException;
import org.novasim.common.network.PolicyNotAuthorizedException;
import org.novasim.common.network.PortInUseException;
import org.novasim.common.network.PortNotFoundException;
import org.novasim.common.network.SubnetInUseException;
import org.novasim.common.network.SubnetNotFoundException;
import org.novasim.common.rpc.BrokerUnavailableException;
import org.novasim.common.rpc.InvalidArgumentsException;
import org.novasim.common.rpc.InvalidContextException;
import org.novasim.common.rpc.RemoteErrors;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcCodec;
import org.novasim.common.rpc.RpcEndpoints;
import org.novasim.common.rpc.RpcObservations;
import org.novasim.common.rpc.RpcProperties;
import org.novasim.common.rpc.RpcServer;
import org.novasim.common.rpc.RpcTimeoutException;
import org.novasim.common.rpc.UndeliverableException;
import org.novasim.common.rpc.UnknownMethodException;
import org.novasim.common.rpc.UnsupportedVersionException;
import org.novasim.common.scheduler.NoValidHostException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The RPC plumbing every service imports ({@code @Import(RpcConfiguration.class)}): the exchange, the client and
 * the server, which serves every {@link RpcEndpoints} bean once the context is built. {@code
 * novasim-rpc.properties} turns on publisher confirms and returns, which RPC relies on. It sits above the
 * contract packages because it knows all of their typed errors; they know only the plumbing in {@code rpc}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RpcProperties.class)
@PropertySource({"classpath:novasim-rpc.properties", "classpath:novasim-observability.properties"})
public class RpcConfiguration {

    /** After every singleton exists, before anything starts: the declared endpoints, in order. */
    @Bean
    SmartInitializingSingleton rpcEndpointsServed(RpcServer server, ObjectProvider<RpcEndpoints> declared) {
        return () -> declared.orderedStream()
                .flatMap(endpoints -> endpoints.endpoints().stream())
                .forEach(served -> server.serve(served.endpoint(), served.queue()));
    }

    @Bean
    RpcCodec rpcCodec() {
        return new RpcCodec();
    }

    /** Every typed failure a contract defines, so callers get the exception class they catch. */
    @Bean
    RemoteErrors remoteErrors() {
        return new RemoteErrors(List.of(
                RpcTimeoutException.class,
                UnsupportedVersionException.class,
                UnknownMethodException.class,
                UndeliverableException.class,
                BrokerUnavailableException.class,
                InvalidArgumentsException.class,
                InvalidContextException.class,
                NoValidHostException.class,
                InstanceNotFoundException.class,
                UnexpectedTaskStateException.class,
                IpAddressExhaustedException.class,
                NetworkNotFoundException.class,
                FixedIpInUseException.class,
                NetworkInUseException.class,
                NetworkAmbiguousException.class,
                SubnetNotFoundException.class,
                SubnetInUseException.class,
                PortNotFoundException.class,
                PortInUseException.class,
                InvalidInputException.class,
                PolicyNotAuthorizedException.class,
                OverQuotaException.class));
    }

    /** Metrics and trace context of every message, through the service's registries when it has them. */
    @Bean
    RpcObservations rpcObservations(
            ObjectProvider<ObservationRegistry> observations, ObjectProvider<MeterRegistry> meters) {
        return new RpcObservations(
                observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    @Bean
    TopicExchange rpcExchange(RpcProperties properties) {
        return new TopicExchange(properties.exchange(), true, false);
    }

    @Bean
    RpcClient rpcClient(
            ConnectionFactory connectionFactory,
            RabbitTemplate template,
            AmqpAdmin admin,
            ConfigurableListableBeanFactory beanFactory,
            RpcCodec codec,
            RemoteErrors errors,
            RpcProperties properties,
            RpcObservations observations) {
        return new RpcClient(connectionFactory, template, admin, beanFactory, codec, errors, properties, observations);
    }

    @Bean
    RpcServer rpcServer(
            ConnectionFactory connectionFactory,
            AmqpAdmin admin,
            ConfigurableListableBeanFactory beanFactory,
            RpcCodec codec,
            TopicExchange exchange,
            RpcObservations observations,
            RpcProperties properties) {
        return new RpcServer(connectionFactory, admin, beanFactory, codec, exchange, observations, properties);
    }
}
