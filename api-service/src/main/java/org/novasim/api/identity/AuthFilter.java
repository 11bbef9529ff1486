package org.novasim.api.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * keystonemiddleware's role: every compute, image, network and identity call needs a valid {@code X-Auth-Token},
 * except the version documents and asking for a token. A missing, expired or revoked token is a 401 in
 * Keystone's format with the {@code WWW-Authenticate} header that points clients at the identity service.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class AuthFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = Authentication.class.getName();
    private static final Set<String> PROTECTED_ROOTS = Set.of("compute", "image", "network", "identity");
    private static final Set<String> OPEN_PATHS = Set.of(
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
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String root = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
        if (!PROTECTED_ROOTS.contains(root) || OPEN_PATHS.contains(path)) {
            return true;
        }
        return "POST".equals(request.getMethod()) && path.startsWith("/identity/v3/auth/tokens");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Authentication> auth = tokens.validate(request.getHeader("X-Auth-Token"));
        if (auth.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader(
                    "WWW-Authenticate",
                    "Keystone uri=\""
                            + ServletUriComponentsBuilder.fromContextPath(request)
                                    .build()
                                    .toUriString() + "/identity\"");
            response.getWriter()
                    .write(json.writeValueAsString(
                            KeystoneErrors.error(HttpStatus.UNAUTHORIZED, KeystoneException.UNAUTHORIZED)));
            return;
        }
        request.setAttribute(ATTRIBUTE, auth.get());
        chain.doFilter(request, response);
    }

    /** The caller of a request that passed this filter. */
    public static Authentication authentication(HttpServletRequest request) {
        Object auth = request.getAttribute(ATTRIBUTE);
        if (auth == null) {
            throw KeystoneException.unauthorized();
        }
        return (Authentication) auth;
    }

    /** The caller, if the request carried a valid token. */
    public static Optional<Authentication> optionalAuthentication(HttpServletRequest request) {
        return Optional.ofNullable((Authentication) request.getAttribute(ATTRIBUTE));
    }
}
