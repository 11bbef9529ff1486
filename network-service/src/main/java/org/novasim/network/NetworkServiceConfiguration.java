package org.novasim.network;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.novasim.common.network.NetworkApi;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.service.Heartbeat;
import org.novasim.common.service.ServiceApi;
import org.novasim.common.service.ServiceClient;
import org.novasim.common.service.ServiceProperties;
import org.novasim.network.instance.PortMetrics;
import org.novasim.network.ipam.IpAllocator;
import org.novasim.network.port.AddressEvents;
import org.novasim.network.store.FixedIpStore;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the plain-Java IPAM to the database, and the service's heartbeat. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({NetworkProperties.class, ServiceProperties.class})
class NetworkServiceConfiguration {

    /** As nova-network, which the services API lists. */
    @Bean
    Heartbeat networkHeartbeat(RpcClient rpc, ServiceProperties properties) {
        return new Heartbeat(
                new ServiceClient(rpc),
                properties,
                ServiceApi.NOVA_NETWORK,
                NetworkApi.TOPIC,
                false,
                Clock.systemUTC());
    }

    @Bean
    PortMetrics portMetrics(MeterRegistry meters) {
        return new PortMetrics(meters);
    }

    @Bean
    FixedIpStore fixedIpStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new FixedIpStore(jdbc, transactions);
    }

    @Bean
    IpAllocator ipAllocator(FixedIpStore store, NetworkProperties properties) {
        return new IpAllocator(store, properties.ipam().settings());
    }

    /**
     * Spring Data JDBC quotes table and column names; quoted lower-case names miss H2's tables, which the unquoted
     * DDL created upper-case. Unquoted, the same names find the same tables on H2 and PostgreSQL.
     */
    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }

    @Bean
    AddressEvents addressEvents(IpAllocator allocator) {
        return new AddressEvents(allocator);
    }
}
