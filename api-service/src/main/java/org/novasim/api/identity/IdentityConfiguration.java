package org.novasim.api.identity;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration implements WebMvcConfigurer {

    private final TokenService tokens;

    IdentityConfiguration(TokenService tokens) {
        this.tokens = tokens;
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    @Scheduled(fixedDelayString = "${novasim.identity.purge-interval:10m}")
    void purgeExpiredTokens() {
        tokens.purgeExpired();
    }
}
