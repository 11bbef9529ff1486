package org.novasim.benchmark.report;

/** One segment of the launch over the sampled iterations. */
public record StageSummary(String stage, String what, boolean messaging, Percentiles ms) {}
