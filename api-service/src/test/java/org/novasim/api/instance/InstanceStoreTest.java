package org.novasim.api.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.network.FixedIp;
import org.novasim.common.network.NetworkInfo;
import org.novasim.common.network.Vif;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/** The instance state machine's guard: updates apply only from the task states they expect. */
class InstanceStoreTest {

    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private InstanceStore store;
    private InstanceListing listing;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        store = new InstanceStore(
                JdbcClient.create(dataSource), JsonMapper.builder().build());
        listing = new InstanceListing(JdbcClient.create(dataSource), store);
    }

    private List<Instance> list(String project, boolean includeDeleted, Instant since) {
        return listing.after(
                new InstanceFilter(project, project == null, includeDeleted, since, null, null, null, null), null, 100);
    }

    private String building() {
        String uuid = UUID.randomUUID().toString();
        store.insert(new Instance(
                uuid,
                "vm",
                "p1",
                "u1",
                "r-1",
                0,
                new FlavorSpec("1", "m1.tiny", 1, 512, 1, 0, 0, Map.of()),
                "img",
                VmState.BUILDING,
                TaskState.SCHEDULING,
                PowerState.NOSTATE,
                null,
                null,
                null,
                null,
                null,
                null,
                T0,
                T0,
                null,
                null,
                false));
        return uuid;
    }

    private boolean update(String uuid, VmState vm, TaskState task, PowerState power, TaskState... expected) {
        return store.updateState(uuid, vm, task, power, Arrays.asList(expected), "compute-1", null, null, T0);
    }

    @Test
    void followsTheBuildStepByStep() {
        String uuid = building();

        assertThat(update(uuid, VmState.BUILDING, TaskState.NONE, PowerState.NOSTATE, TaskState.SCHEDULING))
                .isTrue();
        assertThat(update(uuid, VmState.BUILDING, TaskState.NETWORKING, PowerState.NOSTATE, TaskState.NONE))
                .isTrue();
        NetworkInfo nics = new NetworkInfo(List.of(
                new Vif("port", "net", "private", "fa:16:3e:00:00:01", List.of(new FixedIp("10.0.0.5", 4, "subnet")))));
        assertThat(store.updateState(
                        uuid,
                        VmState.BUILDING,
                        TaskState.BLOCK_DEVICE_MAPPING,
                        PowerState.NOSTATE,
                        List.of(TaskState.NETWORKING),
                        null,
                        nics,
                        null,
                        T0))
                .isTrue();
        assertThat(update(
                        uuid, VmState.BUILDING, TaskState.SPAWNING, PowerState.NOSTATE, TaskState.BLOCK_DEVICE_MAPPING))
                .isTrue();
        assertThat(store.updateState(
                        uuid,
                        VmState.ACTIVE,
                        null,
                        PowerState.RUNNING,
                        List.of(TaskState.SPAWNING),
                        null,
                        null,
                        T0.plusSeconds(1),
                        T0.plusSeconds(1)))
                .isTrue();

        Instance active = store.findLive(uuid).orElseThrow();
        assertThat(active.vmState()).isEqualTo(VmState.ACTIVE);
        assertThat(active.taskState()).isEqualTo(TaskState.NONE);
        assertThat(active.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(active.host()).as("kept from the first step").isEqualTo("compute-1");
        assertThat(active.networkInfo()).as("kept from the networking step").isEqualTo(nics);
        assertThat(active.launchedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void refusesAStepFromAnUnexpectedState() {
        String uuid = building();

        assertThat(update(
                        uuid, VmState.BUILDING, TaskState.SPAWNING, PowerState.NOSTATE, TaskState.BLOCK_DEVICE_MAPPING))
                .isFalse();
        assertThat(store.findLive(uuid).orElseThrow().taskState()).isEqualTo(TaskState.SCHEDULING);
    }

    @Test
    void aDeleteStopsTheBuild() {
        String uuid = building();
        update(uuid, VmState.BUILDING, TaskState.NONE, PowerState.NOSTATE, TaskState.SCHEDULING);

        List<TaskState> anyButDeleting =
                EnumSet.complementOf(EnumSet.of(TaskState.DELETING)).stream().toList();
        assertThat(store.updateTaskState(uuid, TaskState.DELETING, anyButDeleting, T0))
                .isTrue();

        assertThat(update(uuid, VmState.BUILDING, TaskState.NETWORKING, PowerState.NOSTATE, TaskState.NONE))
                .isFalse();
        assertThat(store.resetForReschedule(uuid, "compute-1", T0))
                .as("no reschedule of a deleting instance")
                .isFalse();
        assertThat(store.markError(uuid, T0)).as("nor an error").isFalse();
        assertThat(store.updateTaskState(uuid, TaskState.DELETING, anyButDeleting, T0))
                .as("deleting twice")
                .isFalse();
    }

    @Test
    void softDeletedInstancesAreGoneButListedForChangesSince() {
        String uuid = building();

        assertThat(store.softDelete(uuid, T0.plusSeconds(5))).isTrue();
        assertThat(store.softDelete(uuid, T0.plusSeconds(6))).isFalse();

        assertThat(store.findLive(uuid)).isEmpty();
        assertThat(store.find(uuid).orElseThrow().vmState()).isEqualTo(VmState.DELETED);
        assertThat(list("p1", false, null)).isEmpty();
        assertThat(list("p1", true, T0.plusSeconds(1)))
                .extracting(Instance::uuid)
                .containsExactly(uuid);
        assertThat(update(uuid, VmState.BUILDING, TaskState.NONE, PowerState.NOSTATE, TaskState.SCHEDULING))
                .isFalse();
    }

    @Test
    void rescheduleClearsTheHostAndAddresses() {
        String uuid = building();
        update(uuid, VmState.BUILDING, TaskState.NONE, PowerState.NOSTATE, TaskState.SCHEDULING);

        assertThat(store.resetForReschedule(uuid, "compute-1", T0)).isTrue();

        Instance instance = store.findLive(uuid).orElseThrow();
        assertThat(instance.host()).isNull();
        assertThat(instance.taskState()).isEqualTo(TaskState.SCHEDULING);
        assertThat(instance.vmState()).isEqualTo(VmState.BUILDING);
    }

    @Test
    void aRepeatedRescheduleLeavesTheNextHostsBuildAlone() {
        String uuid = building();
        update(uuid, VmState.BUILDING, TaskState.NONE, PowerState.NOSTATE, TaskState.SCHEDULING);

        assertThat(store.resetForReschedule(uuid, "compute-2", T0))
                .as("compute-1 has taken the instance since compute-2 gave it back")
                .isFalse();
        assertThat(store.findLive(uuid).orElseThrow().host()).isEqualTo("compute-1");
        store.markError(uuid, T0);
        assertThat(store.resetForReschedule(uuid, null, T0))
                .as("an instance that failed for good stays failed")
                .isFalse();
    }

    @Test
    void listsOnlyTheProjectNewestFirst() {
        String first = building();
        String second = building();
        store.insert(new Instance(
                UUID.randomUUID().toString(),
                "other",
                "p2",
                "u2",
                "r-2",
                0,
                new FlavorSpec("1", "m1.tiny", 1, 512, 1, 0, 0, Map.of()),
                "img",
                VmState.BUILDING,
                TaskState.SCHEDULING,
                PowerState.NOSTATE,
                null,
                null,
                null,
                null,
                null,
                null,
                T0.plusSeconds(9),
                T0,
                null,
                null,
                false));

        assertThat(list("p1", false, null)).extracting(Instance::uuid).containsExactlyInAnyOrder(first, second);
        assertThat(list(null, false, null)).hasSize(3);
        assertThat(list(null, false, null).get(0).projectId()).isEqualTo("p2");
    }

    @Test
    void pagesFollowEachOtherInTheDatabaseWithoutGapsOrRepeats() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(building());
        }
        InstanceFilter p1 = new InstanceFilter("p1", false, false, null, null, null, null, null);
        List<Instance> all = listing.after(p1, null, 10);
        assertThat(all).extracting(Instance::uuid).containsExactlyInAnyOrderElementsOf(made);

        List<String> paged = new ArrayList<>();
        Instance after = null;
        for (List<Instance> page = listing.after(p1, null, 2); !page.isEmpty(); page = listing.after(p1, after, 2)) {
            assertThat(page.size()).isLessThanOrEqualTo(2);
            page.forEach(instance -> paged.add(instance.uuid()));
            after = page.get(page.size() - 1);
        }
        assertThat(paged)
                .containsExactlyElementsOf(all.stream().map(Instance::uuid).toList());
        assertThat(listing.marker(p1, made.get(0))).isPresent();
        assertThat(listing.marker(new InstanceFilter("p2", false, false, null, null, null, null, null), made.get(0)))
                .as("another project's instance is no marker")
                .isEmpty();
    }
}
