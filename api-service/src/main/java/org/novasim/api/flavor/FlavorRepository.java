package org.novasim.api.flavor;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface FlavorRepository extends ListCrudRepository<Flavor, String> {

    Optional<Flavor> findByName(String name);

    /** Nova lists flavors by flavorid-independent order of size: memory, then id. */
    List<Flavor> findAllByOrderByMemoryMbAscIdAsc();
}
