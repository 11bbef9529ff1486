package org.novasim.api.identity;

import java.util.List;
import java.util.Map;
import org.novasim.api.web.Links;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's root, {@code /}, answers as Keystone's unversioned root does (300 with the identity versions), so that
 * an auth URL of just {@code http://127.0.0.1:8774} works with the openstack CLI and the SDKs: keystoneauth reads
 * the v3 entry's self link and asks {@code /identity/v3} for a token. Only identity versions are listed: keystoneauth
 * takes any 2.x entry of an auth URL's document for Keystone v2, so Nova's v2.1 stays at {@code /compute}, where
 * clients find it through the catalog.
 */
@RestController
class RootController {

    @GetMapping("/")
    ResponseEntity<Map<String, Object>> versions() {
        return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES)
                .body(Map.of("versions", Map.of("values", List.of(KeystoneViews.version(Links.root())))));
    }
}
