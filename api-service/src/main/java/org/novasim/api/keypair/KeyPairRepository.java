package org.novasim.api.keypair;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface KeyPairRepository extends ListCrudRepository<KeyPair, Long> {

    List<KeyPair> findByUserIdOrderByName(String userId);

    Optional<KeyPair> findByUserIdAndName(String userId, String name);

    long countByUserId(String userId);
}
