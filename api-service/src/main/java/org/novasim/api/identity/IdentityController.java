package org.novasim.api.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.novasim.api.web.Links;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Keystone's version documents and tokens, under {@code /identity}. */
@RestController
@RequestMapping("/identity")
class IdentityController {

    static final String SUBJECT_TOKEN = "X-Subject-Token";

    private final Authenticator authenticator;
    private final TokenService tokens;
    private final Catalog catalog;

    IdentityController(Authenticator authenticator, TokenService tokens, Catalog catalog) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.catalog = catalog;
    }

    /** Unversioned: 300 with the versions, as clients given {@code .../identity} expect. */
    @GetMapping({"", "/"})
    ResponseEntity<Map<String, Object>> versions() {
        return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES)
                .body(Map.of("versions", Map.of("values", List.of(KeystoneViews.version(Links.root())))));
    }

    @GetMapping({"/v3", "/v3/"})
    Map<String, Object> version() {
        return Map.of("version", KeystoneViews.version(Links.root()));
    }

    @PostMapping("/v3/auth/tokens")
    ResponseEntity<Map<String, Object>> issue(@RequestBody JsonNode body, HttpServletRequest request) {
        TokenService.Issued issued = authenticator.authenticate(AuthRequest.parse(body), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(SUBJECT_TOKEN, issued.token())
                .body(KeystoneViews.token(issued.authentication(), catalog.entries(Links.root())));
    }

    /**
     * Validates a token (the caller's own is checked by the auth filter); 404 when it is not valid. Only the token's
     * own user or an admin may, as Keystone's service_admin_or_token_subject rule says.
     */
    @GetMapping("/v3/auth/tokens")
    ResponseEntity<Map<String, Object>> validate(
            @RequestHeader(SUBJECT_TOKEN) String subject, HttpServletRequest request) {
        Authentication auth = subjectOf(subject, request);
        return ResponseEntity.ok()
                .header(SUBJECT_TOKEN, subject)
                .body(KeystoneViews.token(auth, catalog.entries(Links.root())));
    }

    /** Revokes a token and the tokens made from it; the same rule as validating. */
    @DeleteMapping("/v3/auth/tokens")
    ResponseEntity<Void> revoke(@RequestHeader(SUBJECT_TOKEN) String subject, HttpServletRequest request) {
        subjectOf(subject, request);
        tokens.revoke(subject);
        return ResponseEntity.noContent().build();
    }

    private Authentication subjectOf(String subject, HttpServletRequest request) {
        Authentication auth = tokens.validate(subject)
                .orElseThrow(() -> KeystoneException.notFound(
                        "Could not find token: " + subject.substring(0, Math.min(8, subject.length())) + "..."));
        Authentication caller = AuthFilter.authentication(request);
        if (!caller.userId().equals(auth.userId()) && !caller.roleNames().contains("admin")) {
            throw KeystoneException.forbidden();
        }
        return auth;
    }
}
