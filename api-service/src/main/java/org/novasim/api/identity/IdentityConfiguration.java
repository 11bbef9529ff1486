package org.novasim.api.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private final TokenService tokens;

    IdentityConfiguration(TokenService tokens) {
        this.tokens = tokens;
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Scheduled(fixedDelayString = "${novasim.identity.purge-interval:10m}")
    void purgeExpiredTokens() {
        tokens.purgeExpired();
    }
}
