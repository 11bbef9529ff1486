package org.novasim.api.server;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.image.Image;
import org.novasim.api.image.ImageCatalog;
import org.novasim.api.image.ImageSnapshots;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.instance.MetadataStore;
import org.novasim.api.web.ApiException;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.springframework.stereotype.Service;

/**
 * The actions a host does on a guest where it is, with Nova's allowed states: pause, unpause, suspend, resume,
 * rescue, unrescue, change password, rebuild, snapshot (createImage), and reading the console log. Each is cast to
 * the instance's host through the {@link ActionGate}.
 */
@Service
public class GuestActionService {

    static final ActionGate.Action PAUSE = ActionGate.Action.of(
            "pause", InstanceAction.PAUSE, ActionEvent.PAUSE, TaskState.PAUSING, Set.of(VmState.ACTIVE));
    static final ActionGate.Action UNPAUSE = ActionGate.Action.of(
            "unpause", InstanceAction.UNPAUSE, ActionEvent.UNPAUSE, TaskState.UNPAUSING, Set.of(VmState.PAUSED));
    static final ActionGate.Action SUSPEND = ActionGate.Action.of(
            "suspend", InstanceAction.SUSPEND, ActionEvent.SUSPEND, TaskState.SUSPENDING, Set.of(VmState.ACTIVE));
    static final ActionGate.Action RESUME = ActionGate.Action.of(
            "resume", InstanceAction.RESUME, ActionEvent.RESUME, TaskState.RESUMING, Set.of(VmState.SUSPENDED));
    static final ActionGate.Action RESCUE = ActionGate.Action.of(
            "rescue",
            InstanceAction.RESCUE,
            ActionEvent.RESCUE,
            TaskState.RESCUING,
            Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR));
    static final ActionGate.Action UNRESCUE = ActionGate.Action.of(
            "unrescue", InstanceAction.UNRESCUE, ActionEvent.UNRESCUE, TaskState.UNRESCUING, Set.of(VmState.RESCUED));
    static final ActionGate.Action CHANGE_PASSWORD = ActionGate.Action.of(
            "set_admin_password",
            InstanceAction.CHANGE_PASSWORD,
            ActionEvent.SET_ADMIN_PASSWORD,
            TaskState.UPDATING_PASSWORD,
            Set.of(VmState.ACTIVE));
    static final ActionGate.Action REBUILD = ActionGate.Action.of(
            "rebuild",
            InstanceAction.REBUILD,
            ActionEvent.REBUILD,
            TaskState.REBUILDING,
            Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR));
    static final ActionGate.Action SNAPSHOT = ActionGate.Action.of(
            "createImage",
            InstanceAction.CREATE_IMAGE,
            ActionEvent.SNAPSHOT,
            TaskState.IMAGE_SNAPSHOT,
            Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED));

    private final ActionGate gate;
    private final ServerService servers;
    private final InstanceStore instances;
    private final MetadataStore metadata;
    private final ImageCatalog images;
    private final ImageSnapshots snapshots;
    private final ComputeClient compute;
    private final Clock clock;

    GuestActionService(
            ActionGate gate,
            ServerService servers,
            InstanceStore instances,
            MetadataStore metadata,
            ImageCatalog images,
            ImageSnapshots snapshots,
            ComputeClient compute,
            Clock clock) {
        this.clock = clock;
        this.gate = gate;
        this.servers = servers;
        this.instances = instances;
        this.metadata = metadata;
        this.images = images;
        this.snapshots = snapshots;
        this.compute = compute;
    }

    public void pause(RpcContext context, String uuid) {
        cast(context, uuid, PAUSE, host -> compute.pauseInstance(context, host, uuid));
    }

    public void unpause(RpcContext context, String uuid) {
        cast(context, uuid, UNPAUSE, host -> compute.unpauseInstance(context, host, uuid));
    }

    public void suspend(RpcContext context, String uuid) {
        cast(context, uuid, SUSPEND, host -> compute.suspendInstance(context, host, uuid));
    }

    public void resume(RpcContext context, String uuid) {
        cast(context, uuid, RESUME, host -> compute.resumeInstance(context, host, uuid));
    }

    /** @param rescueImageRef the image to rescue from, or null for the instance's own */
    public void rescue(RpcContext context, String uuid, String rescueImageRef) {
        if (rescueImageRef != null && activeImage(rescueImageRef) == null) {
            throw ApiException.badRequest("Image " + rescueImageRef + " could not be found.");
        }
        cast(context, uuid, RESCUE, host -> compute.rescueInstance(context, host, uuid, rescueImageRef));
    }

    public void unrescue(RpcContext context, String uuid) {
        cast(context, uuid, UNRESCUE, host -> compute.unrescueInstance(context, host, uuid));
    }

    public void changePassword(RpcContext context, String uuid, String password) {
        cast(context, uuid, CHANGE_PASSWORD, host -> compute.setAdminPassword(context, host, uuid, password));
    }

    /**
     * Nova's rebuild on the same host: the new image (400 when there is no such active image), a new name and
     * metadata if given, then the guest spawned again from it.
     */
    public Instance rebuild(RpcContext context, String uuid, ServerAction.Rebuild request) {
        Instance instance = gate.check(context, uuid, REBUILD);
        Image image = activeImage(request.imageRef());
        if (image == null) {
            throw ApiException.badRequest("Cannot find requested image " + request.imageRef() + ".");
        }
        hostOf(instance);
        if (!instances.beginRebuild(uuid, image.id(), REBUILD.expected(), clock.instant())) {
            throw gate.overtaken(context, instance, REBUILD);
        }
        if (request.name() != null) {
            instances.rename(uuid, request.name(), clock.instant());
        }
        if (request.metadata() != null) {
            metadata.replace(uuid, request.metadata());
        }
        InstanceInfo info = new InstanceInfo(
                uuid,
                instance.displayName(),
                instance.projectId(),
                instance.userId(),
                instance.flavor(),
                new ImageSpec(image.id(), image.name(), Map.of()),
                instance.keyName());
        gate.started(context, instance, REBUILD, host -> compute.rebuildInstance(context, host, info));
        return servers.get(context, uuid);
    }

    /** Nova's snapshot: a queued image now, made active by the host once uploaded. */
    public Image createImage(RpcContext context, String uuid, String name, Map<String, String> properties) {
        Instance instance = gate.check(context, uuid, SNAPSHOT);
        hostOf(instance);
        Image image = snapshots.create(
                name, instance.projectId(), context.userId(), uuid, instance.imageRef(), "snapshot", properties);
        try {
            gate.begin(context, instance, SNAPSHOT, host -> compute.snapshotInstance(context, host, uuid, image.id()));
        } catch (RuntimeException e) {
            snapshots.delete(image.id());
            throw e;
        }
        return image;
    }

    /** Nova's get_console_output: the log, or its last {@code length} lines (null: all). */
    public String consoleOutput(RpcContext context, String uuid, Integer length) {
        Instance instance = servers.get(context, uuid);
        if (instance.host() == null || instance.vmState() == VmState.BUILDING) {
            throw ActionGate.notReady(instance);
        }
        try {
            return compute.getConsoleOutput(context, instance.host(), uuid, length);
        } catch (RemoteError e) {
            throw ApiException.conflict("Instance " + uuid + " is not ready: " + e.getMessage());
        }
    }

    private void cast(RpcContext context, String uuid, ActionGate.Action action, ActionGate.Cast cast) {
        Instance instance = gate.check(context, uuid, action);
        hostOf(instance);
        gate.begin(context, instance, action, cast);
    }

    private static void hostOf(Instance instance) {
        if (instance.host() == null) {
            throw ActionGate.notReady(instance);
        }
    }

    private Image activeImage(String id) {
        return id == null
                ? null
                : images.find(id).filter(i -> "active".equals(i.status())).orElse(null);
    }
}
