package org.novasim.common.compute;

/** The guest's console log, or its last lines. */
public record ConsoleOutput(String output) {}
