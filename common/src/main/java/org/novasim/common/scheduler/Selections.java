package org.novasim.common.scheduler;

import java.util.List;

/**
 * For each instance, in the order asked: the chosen host first, then the alternates to try if it fails.
 * The scheduler has claimed resources on the first host of each list only.
 */
public record Selections(List<List<Selection>> hostLists) {

    public Selections {
        hostLists = hostLists.stream().map(List::copyOf).toList();
    }
}
