package org.novasim.api.server;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.api.image.Image;
import org.novasim.api.instance.Instance;
import org.novasim.api.web.ApiVersion;
import org.novasim.api.web.Links;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /compute/v2.1/servers/{id}/action}: every server action, each handed to the service that owns it,
 * answered as Nova answers it (202 with no body for most, 204 for confirmResize, the server for rebuild, the
 * password for rescue, the log for os-getConsoleOutput, a Location for createImage).
 */
@RestController
class ServerActionsController {

    private final ServerActionService power;
    private final GuestActionService guests;
    private final ShelveService shelves;
    private final ResizeService resizes;
    private final LockService locks;
    private final ServerDetails details;

    ServerActionsController(
            ServerActionService power,
            GuestActionService guests,
            ShelveService shelves,
            ResizeService resizes,
            LockService locks,
            ServerDetails details) {
        this.power = power;
        this.guests = guests;
        this.shelves = shelves;
        this.resizes = resizes;
        this.locks = locks;
        this.details = details;
    }

    @PostMapping("/compute/v2.1/servers/{id}/action")
    ResponseEntity<?> act(
            RpcContext context,
            ApiVersion version,
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        ServerAction action = ServerAction.parse(body);
        switch (action.name()) {
            case ServerAction.STOP -> power.stop(context, id);
            case ServerAction.START -> power.start(context, id);
            case ServerAction.REBOOT -> power.reboot(context, id, action.rebootType());
            case "pause" -> guests.pause(context, id);
            case "unpause" -> guests.unpause(context, id);
            case "suspend" -> guests.suspend(context, id);
            case "resume" -> guests.resume(context, id);
            case "rescue" -> {
                return rescue(context, id, action);
            }
            case "unrescue" -> guests.unrescue(context, id);
            case "changePassword" -> guests.changePassword(context, id, action.required("adminPass"));
            case "rebuild" -> {
                return rebuild(context, version, id, action);
            }
            case "createImage" -> {
                return createImage(context, version, id, action);
            }
            case "os-getConsoleOutput" -> {
                return ResponseEntity.ok(Map.of("output", guests.consoleOutput(context, id, action.consoleLength())));
            }
            case "shelve" -> shelves.shelve(context, id);
            case "shelveOffload" -> shelves.offload(context, id);
            case "unshelve" -> shelves.unshelve(context, id);
            case "resize" -> resizes.resize(context, id, action.required("flavorRef"));
            case "migrate" -> resizes.migrate(context, id);
            case "confirmResize" -> {
                resizes.confirm(context, id);
                return ResponseEntity.noContent().build();
            }
            case "revertResize" -> resizes.revert(context, id);
            case "lock" -> locks.lock(context, id, version.atLeast(2, 73) ? action.optional("locked_reason") : null);
            case "unlock" -> locks.unlock(context, id);
            case "os-resetState" -> locks.resetState(context, id, action.resetState());
            default -> throw new IllegalStateException("parsed but not handled: " + action.name());
        }
        return ResponseEntity.accepted().build();
    }

    private ResponseEntity<?> rescue(RpcContext context, String id, ServerAction action) {
        String password = action.optional("adminPass");
        guests.rescue(context, id, action.optional("rescue_image_ref"));
        return ResponseEntity.ok(Map.of("adminPass", password != null ? password : details.newPassword()));
    }

    private ResponseEntity<?> rebuild(RpcContext context, ApiVersion version, String id, ServerAction action) {
        ServerAction.Rebuild request = action.rebuild();
        Instance rebuilt = guests.rebuild(context, id, request);
        Map<String, Object> server = new LinkedHashMap<>(details.of(rebuilt, context, version));
        server.put("adminPass", request.adminPass() != null ? request.adminPass() : details.newPassword());
        return ResponseEntity.accepted().body(Map.of("server", server));
    }

    private ResponseEntity<?> createImage(RpcContext context, ApiVersion version, String id, ServerAction action) {
        Map<String, String> metadata = action.metadata();
        Image image = guests.createImage(context, id, action.required("name"), metadata == null ? Map.of() : metadata);
        URI location = URI.create(Links.root() + "/image/v2/images/" + image.id());
        ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted().location(location);
        return version.atLeast(2, 45) ? accepted.body(Map.of("image_id", image.id())) : accepted.build();
    }
}
