package org.novasim.api.flavor;

import java.util.List;
import java.util.Optional;
import org.novasim.api.web.ApiException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;

/** The flavors, stored; names and ids are unique. */
@Component
public class FlavorCatalog {

    private final FlavorRepository flavors;
    private final JdbcAggregateTemplate aggregates;

    FlavorCatalog(FlavorRepository flavors, JdbcAggregateTemplate aggregates) {
        this.flavors = flavors;
        this.aggregates = aggregates;
    }

    /** Smallest first (memory, then id), as Nova lists them. */
    public List<Flavor> bySize() {
        return flavors.findAllByOrderByMemoryMbAscIdAsc();
    }

    public Optional<Flavor> find(String id) {
        return flavors.findById(id);
    }

    /** Stores a new flavor; a name or id already taken is Nova's 409. */
    public Flavor create(Flavor flavor) {
        if (flavors.findByName(flavor.name()).isPresent()) {
            throw ApiException.conflict("Flavor with name " + flavor.name() + " already exists.");
        }
        if (flavors.existsById(flavor.id())) {
            throw ApiException.conflict("Flavor with ID " + flavor.id() + " already exists.");
        }
        return aggregates.insert(flavor);
    }

    public void delete(Flavor flavor) {
        flavors.delete(flavor);
    }
}
