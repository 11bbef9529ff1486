package org.novasim.api.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity service's settings: projects, users and their roles come from configuration (and are written to
 * the database at start, passwords hashed), as a small cloud's bootstrap would create them.
 *
 * @param tokenTtl       how long a token is valid
 * @param tokenCacheTime how long a validated token is remembered (keystonemiddleware's token_cache_time)
 * @param tokenCacheSize how many validated tokens are remembered at most
 * @param region    the region of every catalog endpoint
 * @param publicUrl the base URL the catalog advertises; empty for the address the client used
 * @param purgeInterval how often expired tokens are deleted from the database
 */
@ConfigurationProperties("novasim.identity")
public record IdentityProperties(
        @DefaultValue("1h") Duration tokenTtl,
        @DefaultValue("300s") Duration tokenCacheTime,
        @DefaultValue("10000") int tokenCacheSize,
        @DefaultValue("RegionOne") String region,
        @DefaultValue("") String publicUrl,
        List<ProjectSeed> projects,
        List<UserSeed> users,
        @DefaultValue("10m") Duration purgeInterval) {

    public IdentityProperties {
        projects = projects == null ? List.of() : List.copyOf(projects);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record ProjectSeed(String name, String description) {}

    /** A user with a password, a project and the roles it has there. */
    public record UserSeed(String name, String password, String project, List<String> roles, String email) {

        public UserSeed {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
