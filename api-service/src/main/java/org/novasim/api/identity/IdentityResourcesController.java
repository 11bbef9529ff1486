package org.novasim.api.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.novasim.api.web.Links;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects, users, roles and role assignments, read-only: clients resolve names here (e.g. {@code openstack quota
 * show demo} looks up project demo). An admin sees everything; anyone else sees their own user, the projects they
 * have a role on, and their own assignments.
 */
@RestController
@RequestMapping("/identity/v3")
class IdentityResourcesController {

    private final Directory directory;

    IdentityResourcesController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/projects")
    Map<String, Object> projects(HttpServletRequest request, @RequestParam(required = false) String name) {
        Authentication caller = AuthFilter.authentication(request);
        List<Map<String, Object>> projects = directory.projects().stream()
                .filter(project -> name == null || project.name().equals(name))
                .filter(project -> isAdmin(caller) || hasRoleOn(caller, project.id()))
                .map(project -> KeystoneViews.project(project, Links.root()))
                .toList();
        return Map.of("projects", projects, "links", KeystoneViews.listLinks(Links.root() + "/identity/v3/projects"));
    }

    @GetMapping("/projects/{id}")
    Map<String, Object> project(HttpServletRequest request, @PathVariable String id) {
        Authentication caller = AuthFilter.authentication(request);
        Directory.Project project = directory
                .project(id)
                .filter(found -> isAdmin(caller) || hasRoleOn(caller, found.id()))
                .orElseThrow(() -> KeystoneException.notFound("Could not find project: " + id + "."));
        return Map.of("project", KeystoneViews.project(project, Links.root()));
    }

    @GetMapping({"/auth/projects", "/users/{userId}/projects"})
    Map<String, Object> myProjects(HttpServletRequest request, @PathVariable(required = false) String userId) {
        Authentication caller = AuthFilter.authentication(request);
        String who = userId == null ? caller.userId() : userId;
        if (!who.equals(caller.userId()) && !isAdmin(caller)) {
            throw KeystoneException.forbidden();
        }
        List<Map<String, Object>> projects = directory.projects().stream()
                .filter(project -> !directory.effectiveRoles(who, project.id()).isEmpty())
                .map(project -> KeystoneViews.project(project, Links.root()))
                .toList();
        return Map.of("projects", projects, "links", KeystoneViews.listLinks(Links.root() + request.getRequestURI()));
    }

    @GetMapping("/users")
    Map<String, Object> users(HttpServletRequest request, @RequestParam(required = false) String name) {
        Authentication caller = AuthFilter.authentication(request);
        List<Map<String, Object>> users = directory.users().stream()
                .filter(user -> name == null || user.name().equals(name))
                .filter(user -> isAdmin(caller) || user.id().equals(caller.userId()))
                .map(user -> KeystoneViews.user(user, Links.root()))
                .toList();
        return Map.of("users", users, "links", KeystoneViews.listLinks(Links.root() + "/identity/v3/users"));
    }

    @GetMapping("/users/{id}")
    Map<String, Object> user(HttpServletRequest request, @PathVariable String id) {
        Authentication caller = AuthFilter.authentication(request);
        Directory.User user = directory
                .user(id)
                .filter(found -> isAdmin(caller) || found.id().equals(caller.userId()))
                .orElseThrow(() -> KeystoneException.notFound("Could not find user: " + id + "."));
        return Map.of("user", KeystoneViews.user(user, Links.root()));
    }

    @GetMapping("/roles")
    Map<String, Object> roles(HttpServletRequest request, @RequestParam(required = false) String name) {
        Authentication caller = AuthFilter.authentication(request);
        List<Map<String, Object>> roles = directory.roles().stream()
                .filter(role -> name == null || role.name().equals(name))
                .filter(role -> isAdmin(caller) || caller.roleNames().contains(role.name()))
                .map(role -> KeystoneViews.role(role, Links.root()))
                .toList();
        return Map.of("roles", roles, "links", KeystoneViews.listLinks(Links.root() + "/identity/v3/roles"));
    }

    @GetMapping("/roles/{id}")
    Map<String, Object> role(HttpServletRequest request, @PathVariable String id) {
        Authentication caller = AuthFilter.authentication(request);
        Directory.Role role = directory
                .role(id)
                .filter(found -> isAdmin(caller) || caller.roleNames().contains(found.name()))
                .orElseThrow(() -> KeystoneException.notFound("Could not find role: " + id + "."));
        return Map.of("role", KeystoneViews.role(role, Links.root()));
    }

    @GetMapping("/role_assignments")
    Map<String, Object> assignments(HttpServletRequest request, @RequestParam Map<String, String> filters) {
        Authentication caller = AuthFilter.authentication(request);
        Predicate<Directory.Assignment> matches = assignment -> matches(filters.get("user.id"), assignment.userId())
                && matches(filters.get("scope.project.id"), assignment.projectId())
                && matches(filters.get("role.id"), assignment.role().id());
        boolean names = filters.containsKey("include_names") && !"false".equalsIgnoreCase(filters.get("include_names"));
        List<Map<String, Object>> assignments = directory.assignments().stream()
                .filter(matches)
                .filter(assignment -> isAdmin(caller) || assignment.userId().equals(caller.userId()))
                .map(assignment -> KeystoneViews.assignment(assignment, directory, names, Links.root()))
                .toList();
        return Map.of(
                "role_assignments",
                assignments,
                "links",
                KeystoneViews.listLinks(Links.root() + "/identity/v3/role_assignments"));
    }

    @GetMapping("/domains")
    Map<String, Object> domains(@RequestParam(required = false) String name) {
        List<Map<String, Object>> domains = name == null || name.equals("Default") ? List.of(domain()) : List.of();
        return Map.of("domains", domains, "links", KeystoneViews.listLinks(Links.root() + "/identity/v3/domains"));
    }

    @GetMapping("/domains/{id}")
    Map<String, Object> domain(@PathVariable String id) {
        if (!"default".equals(id)) {
            throw KeystoneException.notFound("Could not find domain: " + id + ".");
        }
        return Map.of("domain", domain());
    }

    private static Map<String, Object> domain() {
        return Map.of(
                "id",
                "default",
                "name",
                "Default",
                "description",
                "The default domain",
                "enabled",
                true,
                "tags",
                List.of(),
                "options",
                Map.of(),
                "links",
                Map.of("self", Links.root() + "/identity/v3/domains/default"));
    }

    private boolean hasRoleOn(Authentication caller, String projectId) {
        return !directory.effectiveRoles(caller.userId(), projectId).isEmpty();
    }

    private static boolean isAdmin(Authentication caller) {
        return caller.roleNames().contains("admin");
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
