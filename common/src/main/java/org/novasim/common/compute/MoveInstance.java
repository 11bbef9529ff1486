package org.novasim.common.compute;

import org.novasim.common.instance.InstanceInfo;

/**
 * One step of a move, to the host that does it: prep_resize, finish_resize and revert_resize on the destination,
 * resize_instance, confirm_resize and finish_revert_resize on the source (Nova's resize and cold migration).
 *
 * @param powerOn whether the guest runs at the end (it was running when the move began)
 */
public record MoveInstance(String host, InstanceInfo instance, MigrationInfo migration, boolean powerOn) {}
