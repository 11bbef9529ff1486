package org.novasim.common.scheduler;

/** One host chosen for an instance (Nova's Selection object). */
public record Selection(String host, String nodename, String availabilityZone) {}
