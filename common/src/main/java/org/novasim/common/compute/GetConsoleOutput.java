package org.novasim.common.compute;

/**
 * Read the guest's console log (Nova's get_console_output, a call).
 *
 * @param length how many lines from the end, or null for all of it
 */
public record GetConsoleOutput(String host, String instanceUuid, Integer length) {}
