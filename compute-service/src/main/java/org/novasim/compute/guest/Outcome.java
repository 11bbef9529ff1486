package org.novasim.compute.guest;

import org.novasim.common.conductor.InstanceUpdate;

/**
 * What an action does beyond moving the instance's states: amend the final update (an offloaded instance leaves
 * its host), and work to do once the conductor has it (tell the image service, give back a claim).
 */
interface Outcome {

    Outcome NONE = new Outcome() {};

    default InstanceUpdate onSuccess(InstanceUpdate done) {
        return done;
    }

    /** The failed action's final update, amended (an unshelve that failed leaves the host again). */
    default InstanceUpdate onFailure(InstanceUpdate failed) {
        return failed;
    }

    /** The conductor has recorded the action's end. */
    default void afterSuccess() {}

    /** The action failed (whether or not the conductor could be told). */
    default void afterFailure() {}
}
