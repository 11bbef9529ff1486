package org.novasim.api.flavor;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.novasim.api.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /compute/v2.1/flavors}: list, detail and show. */
@RestController
@RequestMapping("/compute/v2.1/flavors")
class FlavorsController {

    private final FlavorRepository flavors;

    FlavorsController(FlavorRepository flavors) {
        this.flavors = flavors;
    }

    @GetMapping
    Map<String, Object> list() {
        return Map.of("flavors", all(FlavorViews::summary));
    }

    @GetMapping("/detail")
    Map<String, Object> detail() {
        return Map.of("flavors", all(FlavorViews::detail));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable String id) {
        Flavor flavor = flavors.findById(id)
                .orElseThrow(() -> ApiException.notFound("Flavor " + id + " could not be found."));
        return Map.of("flavor", FlavorViews.detail(flavor));
    }

    private List<Map<String, Object>> all(Function<Flavor, Map<String, Object>> view) {
        return flavors.findAllByOrderByMemoryMbAscIdAsc().stream().filter(f -> !f.disabled()).map(view).toList();
    }
}
