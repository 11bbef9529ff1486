package org.novasim.api.dashboard;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.novasim.api.identity.Authentication;
import org.novasim.api.identity.TokenService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The dashboard's login is the API's: the page gets a Keystone token with the user's password ({@code POST
 * /identity/v3/auth/tokens}) and hands it over once; from then on the token travels in a cookie that scripts cannot
 * read ({@code HttpOnly}), that only the dashboard's own paths receive ({@code Path=/dashboard}) and that no other
 * site can make the browser send ({@code SameSite=Strict}). A cookie rather than sessionStorage because the live
 * feed is an EventSource, which cannot send an {@code X-Auth-Token} header: the token would otherwise have to go in
 * its URL, where logs and the history keep it. Every request checks the token as the API does, so an expired or
 * revoked token ends the session.
 */
@Component
class DashboardSession {

    static final String COOKIE = "novasim_dashboard";

    private final TokenService tokens;

    DashboardSession(TokenService tokens) {
        this.tokens = tokens;
    }

    /** The cookie that holds a valid token, or empty when the token is not valid. */
    Optional<String> open(String token) {
        return tokens.validate(token)
                .map(auth -> cookie(token, Duration.between(Instant.now(), auth.expiresAt()))
                        .toString());
    }

    /** Who the request's cookie speaks for, if anyone. */
    Optional<Viewer> viewer(HttpServletRequest request) {
        return token(request)
                .flatMap(tokens::validate)
                .filter(Authentication::isScoped)
                .map(Viewer::of);
    }

    /** Revokes the cookie's token and gives the header that removes the cookie. */
    String close(HttpServletRequest request) {
        token(request).ifPresent(tokens::revoke);
        return cookie("", Duration.ZERO).toString();
    }

    private static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .sameSite("Strict")
                .path("/dashboard")
                .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
                .build();
    }

    static String header() {
        return HttpHeaders.SET_COOKIE;
    }
}
