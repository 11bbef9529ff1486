package org.novasim.benchmark.fault;

/**
 * When the fault was injected and lifted, in seconds since the first create (NaN: not done), and what the
 * commands said.
 */
public record FaultWindow(String fault, double startSeconds, double endSeconds, String startLog, String endLog) {}
