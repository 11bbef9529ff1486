package org.novasim.common.rpc;

import tools.jackson.databind.JsonNode;

/** The body of a reply to a call: a result, or the failure the server raised. */
record RpcReply(JsonNode result, Failure failure) {

    record Failure(String type, String message) {}

    static RpcReply success(JsonNode result) {
        return new RpcReply(result, null);
    }

    static RpcReply failure(RemoteError error) {
        return new RpcReply(null, new Failure(error.type(), error.getMessage()));
    }
}
