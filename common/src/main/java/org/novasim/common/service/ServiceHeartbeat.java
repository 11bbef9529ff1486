package org.novasim.common.service;

import java.time.Instant;

/**
 * One service process saying it is alive (Nova's service report_count update).
 *
 * @param binary {@code nova-scheduler}, {@code nova-conductor}, {@code nova-network}
 * @param host   where it runs; with the binary, what identifies the service
 * @param topic  the RPC topic it serves
 * @param sentAt when it was sent (the sender's clock; receivers use their own)
 */
public record ServiceHeartbeat(String binary, String host, String topic, Instant sentAt) {}
