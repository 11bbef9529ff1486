package org.novasim.common.compute;

/**
 * Reboot the instance (Nova's reboot_instance); the API has set its task state to rebooting or rebooting_hard.
 *
 * @param rebootType {@code SOFT} (ask the guest) or {@code HARD} (pull the plug); a hard reboot also starts a
 *                   stopped instance
 */
public record RebootInstance(String host, String instanceUuid, String rebootType) {

    public static final String SOFT = "SOFT";
    public static final String HARD = "HARD";

    public boolean hard() {
        return HARD.equals(rebootType);
    }
}
