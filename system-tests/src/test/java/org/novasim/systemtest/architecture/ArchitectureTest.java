package org.novasim.systemtest.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcServer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.Repository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.RestController;

/**
 * The architecture of novasim, stated once as rules over the main classes of every module (this module depends
 * on all services), so a commit that breaks it fails the build. Each rule says why it holds.
 */
public class ArchitectureTest {

    private static final String[] SERVICES = {
        "org.novasim.api..", "org.novasim.scheduler..", "org.novasim.compute..", "org.novasim.network.."
    };

    private static final DescribedPredicate<JavaClass> BUILD_RPC_ENDPOINTS = describe(
            "build RPC endpoints",
            c -> c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().isEquivalentTo(RpcEndpoint.Builder.class)));

    /** The main classes of every module. */
    public static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.novasim");

    /**
     * Services meet only over RPC, through the contracts in common (DESIGN.md): a service that imports another
     * ties their releases together and breaks the rolling upgrade the contracts' versions allow.
     */
    @Test
    void servicesNeverImportEachOther() {
        slices().matching("org.novasim.(api|scheduler|compute|network)..")
                .should()
                .notDependOnEachOther()
                .because("services talk only over RPC, through the contracts in common")
                .check(CLASSES);
    }

    /**
     * common holds contracts, typed RPC clients and RPC plumbing: whatever it imports, every service gets, so it
     * knows no service and configures nothing behind a service's back (no Spring Boot auto-configuration).
     */
    @Test
    void commonKnowsNoServiceAndNoAutoConfiguration() {
        noClasses()
                .that()
                .resideInAPackage("org.novasim.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.boot.autoconfigure..")
                .because("common is shared by every service and must stay their common ground only")
                .check(CLASSES);
    }

    /**
     * The rules of placement, the resource claims, the fake hypervisor and IP allocation are plain Java (Nova's
     * filters are 30-50 lines each): unit-testable without a broker or a Spring context, and fast enough to run
     * once per host per instance.
     */
    @Test
    void domainLogicImportsNeitherAmqpNorSpring() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(
                        "org.novasim.scheduler.filter..",
                        "org.novasim.scheduler.weigher..",
                        "org.novasim.scheduler.host..",
                        "org.novasim.compute.resource..",
                        "org.novasim.compute.virt..",
                        "org.novasim.network.ip..",
                        "org.novasim.network.ipam..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.rabbitmq..")
                .because("filters, weighers, claims, the fake driver and IP allocation are plain Java");
        rule.check(CLASSES);
    }

    /**
     * Feature packages depend on each other one way: a cycle means neither can change or be understood alone.
     * Slices are each module's feature packages ({@code api.server}, {@code common.rpc}, ...).
     */
    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.novasim.(*).(*)..")
                .should()
                .beFreeOfCycles()
                .because("a package cycle couples features that should change alone")
                .check(CLASSES);
    }

    /**
     * A controller translates HTTP and hands over to one class of its feature (Nova's API calls compute_api):
     * storage and RPC plumbing belong to that class, where they can be tested and reused, not to the door.
     */
    @Test
    void controllersHandOverInsteadOfReachingForStorageOrRpc() {
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "org.springframework.data.jdbc..")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(RpcClient.class)
                .because("controllers are thin: they call one feature class, which owns storage and RPC")
                .check(CLASSES);
    }

    /**
     * RPC handlers are one line each in an endpoint class of their feature (Nova's manager), not lambdas with
     * logic inside a configuration class; configuration only wires, so building the context has no side effects
     * (the RpcServer serves the declared endpoints when it starts; common's RpcConfiguration is that plumbing).
     */
    @Test
    void rpcEndpointsAreThinAndConfigurationOnlyWires() {
        noClasses()
                .that()
                .areAnnotatedWith(Configuration.class)
                .and()
                .resideOutsideOfPackage("org.novasim.common")
                .should()
                .callMethodWhere(describe(
                        "RpcServer.serve",
                        call -> call.getTarget().getOwner().isEquivalentTo(RpcServer.class)
                                && call.getTarget().getName().equals("serve")))
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(RpcEndpoint.Builder.class)
                .because("configuration wires; endpoints live in classes of their own")
                .check(CLASSES);
        noClasses()
                .that(BUILD_RPC_ENDPOINTS)
                .and()
                .resideOutsideOfPackage("org.novasim.common.rpc..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "org.springframework.data.jdbc..")
                .because("an RPC endpoint only translates and hands over to one feature class per method")
                .check(CLASSES);
    }

    /**
     * Settings are read one way: typed, validated @ConfigurationProperties records with their defaults in one
     * place. {@code @Value} and {@code @Scheduled} placeholders, with defaults of their own, hide a setting from
     * them and let two defaults disagree; periodic work is registered with its typed interval instead.
     */
    @Test
    void settingsAreReadThroughPropertiesRecordsOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Value.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Scheduled.class)
                .because("every setting lives in a @ConfigurationProperties record with its default")
                .check(CLASSES);
    }
}
