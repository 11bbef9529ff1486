package org.novasim.common.rpc;

import tools.jackson.databind.JsonNode;

/** The body of every RPC message on the wire: which method, at which contract version, for whom, with what. */
record RpcEnvelope(String method, String version, RpcContext context, JsonNode args) {}
