package org.novasim.api.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.api.hypervisor.HostInstances;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's few endpoints under {@code /dashboard/api}: open and close a session (see
 * {@link DashboardSession}), the live feed, one server's timeline and one host's instances. Read-only: the
 * dashboard watches the cloud, the API changes it.
 */
@RestController
class DashboardController {

    private final DashboardSession session;
    private final DashboardFeed feed;
    private final ServerTimeline timelines;
    private final HostFeed hosts;
    private final HostInstances hostInstances;

    DashboardController(
            DashboardSession session,
            DashboardFeed feed,
            ServerTimeline timelines,
            HostFeed hosts,
            HostInstances hostInstances) {
        this.session = session;
        this.feed = feed;
        this.timelines = timelines;
        this.hosts = hosts;
        this.hostInstances = hostInstances;
    }

    /** Turns a token the page got from {@code POST /identity/v3/auth/tokens} into the session cookie. */
    @PostMapping("/dashboard/api/session")
    ResponseEntity<Object> open(@RequestHeader(value = "X-Auth-Token", required = false) String token) {
        return session.open(token)
                .<ResponseEntity<Object>>map(cookie -> ResponseEntity.noContent()
                        .header(DashboardSession.header(), cookie)
                        .build())
                .orElseGet(DashboardController::unauthorized);
    }

    /** Who is logged in; 204 when nobody is (not a 401: the page asks first thing, and that is no error). */
    @GetMapping("/dashboard/api/session")
    ResponseEntity<Object> who(HttpServletRequest request) {
        return session.viewer(request)
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @DeleteMapping("/dashboard/api/session")
    ResponseEntity<Void> close(HttpServletRequest request) {
        return ResponseEntity.noContent()
                .header(DashboardSession.header(), session.close(request))
                .build();
    }

    @GetMapping("/dashboard/api/stream")
    Object stream(HttpServletRequest request) {
        return session.viewer(request).<Object>map(feed::subscribe).orElseGet(DashboardController::unauthorized);
    }

    @GetMapping("/dashboard/api/servers/{id}")
    ResponseEntity<Object> server(@PathVariable String id, HttpServletRequest request) {
        return session.viewer(request)
                .map(viewer -> timelines
                        .of(id, viewer)
                        .<ResponseEntity<Object>>map(ResponseEntity::ok)
                        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "Server " + id + " could not be found.")))
                .orElseGet(DashboardController::unauthorized);
    }

    @GetMapping("/dashboard/api/hosts/{name}")
    ResponseEntity<Object> host(@PathVariable String name, HttpServletRequest request) {
        return session.viewer(request)
                .map(viewer -> {
                    if (!viewer.admin()) {
                        return error(HttpStatus.FORBIDDEN, "Hosts are for admins only.");
                    }
                    return hosts.row(name)
                            .<ResponseEntity<Object>>map(row -> {
                                Map<String, Object> body = new LinkedHashMap<>();
                                body.put("columns", HostFeed.COLUMNS);
                                body.put("host", row);
                                body.put("instances", hostInstances.on(name));
                                return ResponseEntity.ok(body);
                            })
                            .orElseGet(() -> error(HttpStatus.NOT_FOUND, "Host " + name + " could not be found."));
                })
                .orElseGet(DashboardController::unauthorized);
    }

    private static ResponseEntity<Object> unauthorized() {
        return error(HttpStatus.UNAUTHORIZED, "The request you have made requires authentication.");
    }

    private static ResponseEntity<Object> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", Map.of("code", status.value(), "message", message)));
    }
}
