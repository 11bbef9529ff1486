package org.novasim.api.service;

/** What identifies a service: a binary on a host, as in Nova. */
public record ServiceKey(String host, String binary) {}
