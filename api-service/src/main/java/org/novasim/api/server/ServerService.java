package org.novasim.api.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.novasim.api.action.ActionLog;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.conductor.ConductorProperties;
import org.novasim.api.flavor.Flavor;
import org.novasim.api.flavor.FlavorRepository;
import org.novasim.api.image.Image;
import org.novasim.api.image.ImageProperties;
import org.novasim.api.image.ImageRepository;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.instance.MetadataStore;
import org.novasim.api.keypair.KeyPairService;
import org.novasim.api.quota.QuotaService;
import org.novasim.api.servergroup.ServerGroup;
import org.novasim.api.servergroup.ServerGroupMembership;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.WebLimits;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.scheduler.RequestSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating, finding and deleting servers: the API's side of Nova's compute/api.py. */
@Service
public class ServerService {

    private static final Logger log = LoggerFactory.getLogger(ServerService.class);
    private static final int NAME_LENGTH = 255;
    private static final String PASSWORD_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /** What a create returns: the servers made, and the password Nova would have set on the first. */
    public record Created(List<Instance> instances, String reservationId, String adminPass) {}

    private final InstanceStore instances;
    private final MetadataStore metadata;
    private final KeyPairService keyPairs;
    private final QuotaService quotas;
    private final RequestedNetworksCheck networksCheck;
    private final FlavorRepository flavors;
    private final ImageRepository images;
    private final ImageProperties imageProperties;
    private final ActionLog actions;
    private final ConductorClient conductor;
    private final ComputeClient compute;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Server groups named by the {@code group} scheduler hint. */
    private final ServerGroupMembership serverGroups;

    private final WebLimits limits;
    /** How long a create waits for the broker to take its build before it answers 503. */
    private final Duration handoverTimeout;

    public ServerService(
            InstanceStore instances,
            MetadataStore metadata,
            KeyPairService keyPairs,
            QuotaService quotas,
            RequestedNetworksCheck networksCheck,
            FlavorRepository flavors,
            ImageRepository images,
            ImageProperties imageProperties,
            ActionLog actions,
            ConductorClient conductor,
            ComputeClient compute,
            TransactionTemplate transaction,
            Clock clock,
            ServerGroupMembership serverGroups,
            WebLimits limits,
            ConductorProperties conductorProperties) {
        this.limits = limits;
        this.handoverTimeout = conductorProperties.handoverTimeout();
        this.instances = instances;
        this.metadata = metadata;
        this.keyPairs = keyPairs;
        this.quotas = quotas;
        this.networksCheck = networksCheck;
        this.flavors = flavors;
        this.images = images;
        this.imageProperties = imageProperties;
        this.actions = actions;
        this.conductor = conductor;
        this.compute = compute;
        this.transaction = transaction;
        this.clock = clock;
        this.serverGroups = serverGroups;
    }

    /**
     * Stores the instances (BUILD/scheduling) and hands them to the conductor. If the broker cannot take them within
     * the hand-over timeout (it is away, or no conductor listens), nothing is left behind (no server, so no quota
     * used) and the client gets a 503 with Retry-After.
     */
    public Created create(RpcContext context, CreateServerRequest request) {
        Flavor flavor = flavors.findById(request.flavorRef())
                .filter(f -> !f.disabled())
                .orElseThrow(() -> ApiException.badRequest("Invalid flavorRef provided."));
        Image image = (CreateServerRequest.looksLikeUuid(request.imageRef())
                        ? images.findById(request.imageRef())
                        : Optional.<Image>empty())
                .filter(i -> "active".equals(i.status()))
                .orElseThrow(() -> ApiException.badRequest("Can not find requested image"));
        if (request.keyName() != null
                && keyPairs.find(context.userId(), request.keyName()).isEmpty()) {
            throw ApiException.badRequest("Invalid key_name provided.");
        }
        if (request.minCount() > limits.maxServersPerRequest()) {
            throw ApiException.badRequest("Invalid input for field/attribute min_count. Value: " + request.minCount()
                    + ". " + request.minCount() + " is greater than the maximum of " + limits.maxServersPerRequest());
        }
        int maxCount = Math.min(request.maxCount(), limits.maxServersPerRequest());
        networksCheck.check(context, request.networks(), maxCount);
        Metadata.checkCount(
                request.metadata().size(), quotas.limits(context.projectId()).get("metadata_items"));
        ServerGroup group = serverGroups.resolve(context, request.serverGroup());
        serverGroups.checkRoom(context, group, request.minCount());
        String reservationId = "r-" + randomString(8);
        Instant now = clock.instant();
        List<Instance> created = transaction.execute(status -> {
            int count = quotas.reserveServers(context.projectId(), flavor.toSpec(), request.minCount(), maxCount);
            List<Instance> instances = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                String name = count > 1 ? numbered(request.name(), index + 1) : request.name();
                Instance instance = new Instance(
                        UUID.randomUUID().toString(),
                        name,
                        context.projectId(),
                        context.userId(),
                        reservationId,
                        index,
                        flavor.toSpec(),
                        image.id(),
                        VmState.BUILDING,
                        TaskState.SCHEDULING,
                        PowerState.NOSTATE,
                        null,
                        request.availabilityZone(),
                        null,
                        request.keyName(),
                        null,
                        null,
                        now,
                        now,
                        null,
                        request.userData(),
                        false);
                this.instances.insert(instance);
                metadata.replace(instance.uuid(), request.metadata());
                actions.start(context, instance.uuid(), InstanceAction.CREATE);
                if (group != null) {
                    serverGroups.join(group, instance.uuid());
                }
                instances.add(instance);
            }
            return instances;
        });
        RequestSpec spec = new RequestSpec(
                context.projectId(),
                flavor.toSpec(),
                new ImageSpec(image.id(), image.name(), imageProperties.of(image)),
                request.availabilityZone(),
                group == null ? Map.of() : Map.of("group", List.of(group.uuid())),
                group == null
                        ? null
                        : serverGroups.schedulingInfo(
                                group, created.stream().map(Instance::uuid).toList()),
                List.of());
        List<InstanceInfo> infos = created.stream()
                .map(instance -> new InstanceInfo(
                        instance.uuid(),
                        instance.displayName(),
                        instance.projectId(),
                        instance.userId(),
                        instance.flavor(),
                        spec.image(),
                        instance.keyName()))
                .toList();
        try {
            conductor.scheduleAndBuildInstances(context, spec, infos, request.networks(), handoverTimeout);
        } catch (RemoteError e) {
            log.error("could not hand {} to the conductor: {}", reservationId, e.toString());
            transaction.executeWithoutResult(status ->
                    instances.purge(created.stream().map(Instance::uuid).toList()));
            throw ApiException.serviceUnavailable(
                    "The conductor is unavailable, no server was created: " + e.getMessage());
        }
        log.info(
                "accepted {} as {} ({}, {})",
                created.stream().map(Instance::uuid).toList(),
                reservationId,
                flavor.name(),
                image.name());
        return new Created(created, reservationId, randomString(12));
    }

    /** Renames the server. */
    public Instance rename(RpcContext context, String uuid, String name) {
        get(context, uuid);
        instances.rename(uuid, name, clock.instant());
        return get(context, uuid);
    }

    /** The caller's server, or 404 as if it did not exist. */
    public Instance get(RpcContext context, String uuid) {
        return instances
                .findLive(uuid)
                .filter(instance -> context.isAdmin() || instance.projectId().equals(context.projectId()))
                .orElseThrow(() -> ApiException.notFound("Instance " + uuid + " could not be found."));
    }

    /** Nova's multi_instance_display_name_template, name-N, cut so that it still fits the 255 characters of a name. */
    static String numbered(String name, int number) {
        String suffix = "-" + number;
        return name.substring(0, Math.min(name.length(), NAME_LENGTH - suffix.length())) + suffix;
    }

    private String randomString(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length())));
        }
        return text.toString();
    }
}
