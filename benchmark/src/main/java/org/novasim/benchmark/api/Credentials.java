package org.novasim.benchmark.api;

/** Who the benchmark acts as: a Keystone user and the project its token is scoped to (domain Default). */
public record Credentials(String user, String password, String project) {}
