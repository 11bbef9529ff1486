package org.novasim.api.image;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface ImageRepository extends ListCrudRepository<Image, String> {

    List<Image> findAllByOrderByCreatedAtDescIdDesc();
}
