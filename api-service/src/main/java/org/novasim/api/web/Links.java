package org.novasim.api.web;

import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The {@code links} of a resource, built from the address the client used to reach the API. */
public final class Links {

    private Links() {}

    /** The API's root as the client sees it, e.g. {@code http://127.0.0.1:8774}. */
    public static String root() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** Nova's pair: a versioned self link and an unversioned bookmark, e.g. for {@code servers/<id>}. */
    public static List<Map<String, String>> compute(String collection, String id) {
        String root = root();
        return List.of(
                Map.of("rel", "self", "href", root + "/compute/v2.1/" + collection + "/" + id),
                Map.of("rel", "bookmark", "href", root + "/compute/" + collection + "/" + id));
    }
}
