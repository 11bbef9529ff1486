package org.novasim.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novasim.testsupport.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class TokenServiceTest {

    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private Directory directory;
    private TokenService tokens;
    private Directory.User alice;
    private Directory.Project project;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        directory = new Directory(JdbcClient.create(dataSource));
        IdentityProperties properties = new IdentityProperties(
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                100,
                "RegionOne",
                "",
                List.of(new IdentityProperties.ProjectSeed("p1", null)),
                List.of(new IdentityProperties.UserSeed("alice", "pw", "p1", List.of("admin"), null)),
                Duration.ofMinutes(10));
        new IdentitySeeder(properties, directory, new PasswordHasher()).run(null);
        tokens = new TokenService(JdbcClient.create(dataSource), directory, properties, clock);
        alice = directory.userByName("alice").orElseThrow();
        project = directory.projectByName("p1").orElseThrow();
    }

    @Test
    void aTokenSpeaksForItsUserAndProjectWithImpliedRoles() {
        TokenService.Issued issued = tokens.issue(alice, project, List.of("password"));

        Authentication auth = tokens.validate(issued.token()).orElseThrow();
        assertThat(auth.userName()).isEqualTo("alice");
        assertThat(auth.projectName()).isEqualTo("p1");
        assertThat(auth.roleNames()).containsExactlyInAnyOrder("admin", "member", "reader");
        assertThat(auth.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void expiredRevokedAndUnknownTokensAreNotValid() {
        String token = tokens.issue(alice, project, List.of("password")).token();
        String other = tokens.issue(alice, project, List.of("password")).token();

        assertThat(tokens.validate("gAAAAAnot-a-token")).isEmpty();
        assertThat(tokens.validate(null)).isEmpty();

        assertThat(tokens.validate(token)).isPresent();
        assertThat(tokens.revoke(token)).isTrue();
        assertThat(tokens.validate(token)).isEmpty();
        assertThat(tokens.revoke(token)).isFalse();
        assertThat(tokens.validate(other)).isPresent();

        clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(tokens.validate(other)).isEmpty();
        assertThat(tokens.purgeExpired()).isEqualTo(2);
    }

    @Test
    void revokingATokenRevokesTheTokensMadeFromItButNotItsParent() {
        TokenService.Issued root = tokens.issue(alice, project, List.of("password"));
        TokenService.Issued child =
                tokens.derive(root.token(), root.authentication(), alice, project, List.of("token"));
        TokenService.Issued grandchild =
                tokens.derive(child.token(), child.authentication(), alice, null, List.of("token"));
        assertThat(tokens.validate(grandchild.token())).isPresent();
        assertThat(grandchild.authentication().expiresAt())
                .isEqualTo(root.authentication().expiresAt());

        assertThat(tokens.revoke(child.token())).isTrue();

        assertThat(tokens.validate(child.token())).isEmpty();
        assertThat(tokens.validate(grandchild.token()))
                .as("cached before, revoked now")
                .isEmpty();
        assertThat(tokens.validate(root.token())).isPresent();
    }

    @Test
    void aUserWhoLostEveryRoleLosesTheTokenOnceTheCacheTimeIsOver() {
        String token = tokens.issue(alice, project, List.of("password")).token();
        assertThat(tokens.validate(token)).isPresent();

        directory.setRoles(alice.id(), project.id(), List.of());

        clock.set(T0.plus(Duration.ofMinutes(4)));
        assertThat(tokens.validate(token))
                .as("remembered, as keystonemiddleware does")
                .isPresent();
        clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(tokens.validate(token)).isEmpty();
    }
}
