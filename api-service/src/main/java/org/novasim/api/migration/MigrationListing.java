package org.novasim.api.migration;

import java.util.List;
import org.springframework.stereotype.Component;

/** The migrations os-migrations shows, at most 1,000 a page. */
@Component
public class MigrationListing {

    private static final int PAGE = 1000;

    private final MigrationStore store;

    MigrationListing(MigrationStore store) {
        this.store = store;
    }

    public List<Migration> list(MigrationStore.Filter filter) {
        return store.list(filter, PAGE);
    }
}
