package org.novasim.api.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.novasim.api.web.Api;
import org.novasim.api.web.ApiPath;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * keystonemiddleware's role, and the one place that decides whether a request is authenticated: every request
 * needs a valid {@code X-Auth-Token} except the version documents, asking for a token, and the actuator's
 * endpoints. It decides on the path as Spring MVC routes it ({@link ApiPath}), so no spelling of a path reaches a
 * controller without the check. A missing, expired or revoked token is a 401 in Keystone's format with the
 * {@code WWW-Authenticate} header that points clients at the identity service. The compute, image and network
 * APIs act within a project: a token scoped to none is refused there with a 403, never taken as "all projects".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class AuthFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = Authentication.class.getName();
    static final String UNSCOPED = "The request needs a token scoped to a project.";
    private static final Set<String> PROJECT_APIS = Set.of("compute", "image", "network");
    private static final Set<String> VERSION_DOCUMENTS = Set.of(
            "/",
            "/compute",
            "/compute/",
            "/compute/v2.1",
            "/compute/v2.1/",
            "/image",
            "/image/",
            "/image/versions",
            "/network",
            "/network/",
            "/identity",
            "/identity/",
            "/identity/v3",
            "/identity/v3/");

    private final TokenService tokens;
    private final JsonMapper json;

    public AuthFilter(TokenService tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = ApiPath.of(request);
        if (isOpen(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> auth = tokens.validate(request.getHeader("X-Auth-Token"));
        if (auth.isEmpty()) {
            response.setHeader(
                    "WWW-Authenticate",
                    "Keystone uri=\""
                            + ServletUriComponentsBuilder.fromContextPath(request)
                                    .build()
                                    .toUriString() + "/identity\"");
            Api.IDENTITY.write(response, json, HttpStatus.UNAUTHORIZED, KeystoneException.UNAUTHORIZED);
            return;
        }
        if (!auth.get().isScoped() && PROJECT_APIS.contains(ApiPath.root(request))) {
            Api.of(request).write(response, json, HttpStatus.FORBIDDEN, UNSCOPED);
            return;
        }
        request.setAttribute(ATTRIBUTE, auth.get());
        chain.doFilter(request, response);
    }

    private static boolean isOpen(String method, String path) {
        return VERSION_DOCUMENTS.contains(path)
                || ("POST".equals(method) && path.equals("/identity/v3/auth/tokens"))
                // Health and metrics for the launcher and operators; the services listen on 127.0.0.1.
                || path.equals("/actuator")
                || path.startsWith("/actuator/")
                // The dashboard's page and scripts hold no data; its /dashboard/api endpoints check the token the
                // page keeps in its cookie, with the same TokenService (an EventSource cannot send X-Auth-Token).
                || path.equals("/dashboard")
                || path.startsWith("/dashboard/");
    }

    /** The caller of a request that passed this filter. */
    public static Authentication authentication(HttpServletRequest request) {
        Object auth = request.getAttribute(ATTRIBUTE);
        if (auth == null) {
            throw KeystoneException.unauthorized();
        }
        return (Authentication) auth;
    }
}
