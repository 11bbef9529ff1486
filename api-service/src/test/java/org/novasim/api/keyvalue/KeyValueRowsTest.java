package org.novasim.api.keyvalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Key/value rows of an owner, on the API's real schema (a flavor's extra specs). */
class KeyValueRowsTest {

    private KeyValueRows specs;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        specs = new KeyValueRows(
                JdbcClient.create(dataSource), "flavor_extra_specs", "flavor_id", "spec_key", "spec_value");
    }

    @Test
    void mergeAddsAndOverwritesReplaceMakesExactlyDeleteRemovesOne() {
        specs.merge("1", Map.of("hw:cpu_policy", "shared", "a", "1"));
        specs.merge("1", Map.of("hw:cpu_policy", "dedicated"));
        specs.merge("2", Map.of("a", "other flavor"));
        assertThat(specs.of("1")).containsExactly(Map.entry("a", "1"), Map.entry("hw:cpu_policy", "dedicated"));

        specs.replace("1", Map.of("b", "2"));
        assertThat(specs.of("1")).containsExactly(Map.entry("b", "2"));

        assertThat(specs.delete("1", "b")).isTrue();
        assertThat(specs.delete("1", "b")).isFalse();
        assertThat(specs.of("1")).isEmpty();
        assertThat(specs.of("2")).containsExactly(Map.entry("a", "other flavor"));
    }
}
