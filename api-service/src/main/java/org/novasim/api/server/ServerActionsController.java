package org.novasim.api.server;

import org.novasim.common.rpc.RpcContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /compute/v2.1/servers/{id}/action}: stop, start and reboot; 202 with no body, as Nova answers. */
@RestController
class ServerActionsController {

    private final ServerActionService actions;

    ServerActionsController(ServerActionService actions) {
        this.actions = actions;
    }

    @PostMapping("/compute/v2.1/servers/{id}/action")
    ResponseEntity<Void> act(
            RpcContext context, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        ServerAction action = ServerAction.parse(body);
        switch (action.name()) {
            case ServerAction.STOP -> actions.stop(context, id);
            case ServerAction.START -> actions.start(context, id);
            default -> actions.reboot(context, id, action.rebootType());
        }
        return ResponseEntity.accepted().build();
    }
}
