package org.novasim.api.flavor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.Policy;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /compute/v2.1/flavors}: list and detail (with Nova's {@code is_public}, {@code minRam}, {@code minDisk}
 * filters and paging), show; create and delete for admins. Private flavors are seen by admins only (novasim has
 * no flavor access lists).
 */
@RestController
@RequestMapping("/compute/v2.1/flavors")
class FlavorsController {

    private final FlavorCatalog flavors;
    private final Clock clock;

    FlavorsController(FlavorCatalog flavors, Clock clock) {
        this.flavors = flavors;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> list(RpcContext context, @RequestParam Map<String, String> params) {
        return Map.of("flavors", visible(context, params, FlavorViews::summary));
    }

    @GetMapping("/detail")
    Map<String, Object> detail(RpcContext context, @RequestParam Map<String, String> params) {
        return Map.of("flavors", visible(context, params, FlavorViews::detail));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(RpcContext context, @PathVariable String id) {
        return Map.of("flavor", FlavorViews.detail(find(context, id)));
    }

    @PostMapping
    Map<String, Object> create(RpcContext context, @RequestBody JsonNode body) {
        Policy.requireAdmin(context, "os_compute_api:os-flavor-manage:create");
        Flavor flavor = FlavorRequest.parse(body, clock.instant());
        if (flavor.id() == null) {
            flavor = FlavorRequest.withId(flavor, UUID.randomUUID().toString());
        }
        return Map.of("flavor", FlavorViews.detail(flavors.create(flavor)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(RpcContext context, @PathVariable String id) {
        Policy.requireAdmin(context, "os_compute_api:os-flavor-manage:delete");
        flavors.delete(find(context, id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    /** The flavor, if the caller may see it; 404 otherwise. */
    Flavor find(RpcContext context, String id) {
        return flavors.find(id)
                .filter(flavor -> flavor.isPublic() || context.isAdmin())
                .orElseThrow(() -> ApiException.notFound("Flavor " + id + " could not be found."));
    }

    private List<Map<String, Object>> visible(
            RpcContext context, Map<String, String> params, Function<Flavor, Map<String, Object>> view) {
        Boolean isPublic = isPublic(context, params.get("is_public"));
        int minRam = intParam(params, "minRam");
        int minDisk = intParam(params, "minDisk");
        List<Flavor> matching = flavors.bySize().stream()
                .filter(flavor -> !flavor.disabled())
                .filter(flavor -> isPublic == null || flavor.isPublic() == isPublic)
                .filter(flavor -> flavor.memoryMb() >= minRam && flavor.rootGb() >= minDisk)
                .toList();
        return page(matching, params.get("marker"), params.get("limit")).stream()
                .map(view)
                .toList();
    }

    /** Nova: non-admins see public flavors only; admins choose with True, False or None (both). */
    private static Boolean isPublic(RpcContext context, String value) {
        if (!context.isAdmin()) {
            return Boolean.TRUE;
        }
        if (value == null || value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("yes")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        if (value.equalsIgnoreCase("false") || value.equals("0") || value.equalsIgnoreCase("no")) {
            return Boolean.FALSE;
        }
        throw ApiException.badRequest("Invalid is_public filter [" + value + "]");
    }

    private static int intParam(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + name + " filter [" + value + "]");
        }
    }

    private static List<Flavor> page(List<Flavor> all, String marker, String limit) {
        int from = 0;
        if (marker != null) {
            from = all.stream().map(Flavor::id).toList().indexOf(marker) + 1;
            if (from == 0) {
                throw ApiException.badRequest("marker [" + marker + "] not found");
            }
        }
        int size = all.size();
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw ApiException.badRequest("limit param must be an integer");
            }
        }
        // long: a huge limit after a marker must not wrap around to a negative end.
        int end = (int) Math.min(all.size(), (long) from + size);
        return new ArrayList<>(all.subList(Math.min(from, all.size()), end));
    }
}
