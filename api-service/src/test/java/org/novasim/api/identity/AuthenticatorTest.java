package org.novasim.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novasim.testsupport.MutableClock;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

class AuthenticatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final AtomicInteger hashChecks = new AtomicInteger();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Authenticator authenticator;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        Directory directory = new Directory(JdbcClient.create(dataSource));
        IdentityProperties properties = new IdentityProperties(
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                100,
                "RegionOne",
                "",
                List.of(new IdentityProperties.ProjectSeed("p1", null)),
                List.of(new IdentityProperties.UserSeed("alice", "secret", "p1", List.of("member"), null)),
                Duration.ofMinutes(10));
        PasswordHasher hasher = new PasswordHasher() {
            @Override
            public boolean matches(String password, String stored) {
                hashChecks.incrementAndGet();
                return super.matches(password, stored);
            }
        };
        new IdentitySeeder(properties, directory, hasher).run(null);
        TokenService tokens = new TokenService(JdbcClient.create(dataSource), directory, properties, clock);
        authenticator = new Authenticator(directory, hasher, tokens);
        logged.start();
        ((Logger) LoggerFactory.getLogger(Authenticator.class)).addAppender(logged);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger(Authenticator.class)).detachAppender(logged);
    }

    @Test
    void anUnknownUserCostsAPasswordCheckLikeAWrongPassword() {
        assertThatThrownBy(() -> authenticator.authenticate(password("nobody", "secret"), "192.0.2.7"))
                .isInstanceOf(KeystoneException.class);
        assertThat(hashChecks).hasValue(1);

        assertThatThrownBy(() -> authenticator.authenticate(password("alice", "wrong"), "192.0.2.7"))
                .isInstanceOf(KeystoneException.class);
        assertThat(hashChecks).hasValue(2);
    }

    @Test
    void failedLoginsAreLoggedWithUserAndSourceButNeverThePassword() {
        assertThatThrownBy(() -> authenticator.authenticate(password("alice", "hunter2"), "192.0.2.7"))
                .isInstanceOf(KeystoneException.class);
        assertThatThrownBy(() -> authenticator.authenticate(password("mallory\nFAKE LINE", "x"), "192.0.2.8"))
                .isInstanceOf(KeystoneException.class);

        assertThat(logged.list).hasSize(2);
        String first = logged.list.get(0).getFormattedMessage();
        assertThat(first).contains("Authorization failed").contains("'alice'").contains("192.0.2.7");
        assertThat(first).doesNotContain("hunter2");
        assertThat(logged.list.get(1).getFormattedMessage())
                .as("no forged log line")
                .doesNotContain("\n")
                .contains("mallory?FAKE LINE");

        authenticator.authenticate(password("alice", "secret"), "192.0.2.7");
        assertThat(logged.list).as("a successful login is not a failure").hasSize(2);
    }

    @Test
    void aReScopedTokenKeepsItsParentsExpiry() {
        TokenService.Issued first = authenticator.authenticate(password("alice", "secret"), "192.0.2.7");
        clock.set(clock.instant().plus(Duration.ofMinutes(50)));

        TokenService.Issued second = authenticator.authenticate(token(first.token()), "192.0.2.7");

        assertThat(second.authentication().expiresAt())
                .isEqualTo(first.authentication().expiresAt());
        assertThat(second.authentication().issuedAt())
                .isAfter(first.authentication().issuedAt());
    }

    private static AuthRequest password(String user, String password) {
        return AuthRequest.parse(JsonMapper.builder().build().readTree("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": %s,
                 "domain": {"id": "default"}, "password": "%s"}}}}}""".formatted(
                        JsonMapper.builder().build().writeValueAsString(user), password)));
    }

    private static AuthRequest token(String token) {
        return AuthRequest.parse(JsonMapper.builder().build().readTree("""
                {"auth": {"identity": {"methods": ["token"], "token": {"id": "%s"}}}}""".formatted(token)));
    }
}
