package org.novasim.systemtest.hostile;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Sends each request and judges the answer by the suite's rules: never a 5xx or no answer; no 2xx without a
 * valid token but on an open route; a refusal in its API's error format; nothing stored changed by a refusal.
 * Breaches are collected (the first of each kind per route), so one run reports all it found.
 */
public final class Oracle {

    private static final int MAX_FAILURES = 200;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    private final RawHttp http;
    private final Set<Route> open;
    private final StoreDigest store;
    private final BooleanSupplier settled;
    private final Map<Integer, Integer> statuses = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private String baseline;
    private int storeChecks;

    /**
     * @param open      routes that may answer 2xx without a token
     * @param databases the services' databases, whose content a refused request must leave as it was
     * @param settled   true once what an accepted request set off in the background has finished
     */
    public Oracle(RawHttp http, Set<Route> open, List<DataSource> databases, BooleanSupplier settled) {
        this.http = http;
        this.open = open;
        this.store = new StoreDigest(databases);
        this.settled = settled;
    }

    public void judge(HostileRequest request) {
        if (baseline == null) {
            baseline = settledDigest();
        }
        RawHttp.Response response;
        try {
            response = http.exchange(request.method(), request.target(), request.headers(), request.body());
        } catch (IOException e) {
            fail(request, "no answer", "no answer: " + e);
            return;
        }
        int status = response.status();
        statuses.merge(status, 1, Integer::sum);
        if (status == 0 || status >= 500) {
            fail(request, "5xx", "answered " + status + ": " + cut(response.text()));
        }
        String path = request.target().split("\\?", 2)[0];
        boolean openPath = open.contains(new Route(request.method(), path));
        if (status >= 200 && status < 300 && !request.role().authenticated() && !openPath) {
            fail(request, "in without a token", "answered " + status + " without a valid token");
        }
        if (status >= 400) {
            // A request line Tomcat cannot parse names no API it could tell: Nova's format, the API on this port.
            String api = status == 400 && !isParseable(request.target()) ? "compute" : apiOf(path);
            Optional<String> wrongFormat = ErrorFormat.check(api, response);
            wrongFormat.ifPresent(problem -> fail(request, "format " + status, status + ", " + problem));
        }
        if (!request.route().changesState()) {
            return;
        }
        if (status >= 400) {
            storeChecks++;
            String after = store.digest();
            if (!after.equals(baseline)) {
                // Perhaps what an earlier accepted request set off was still running: look again once it is done.
                String later = settledDigest();
                if (!later.equals(baseline)) {
                    fail(request, "changed the store", status + " but the stored state changed");
                }
                baseline = later;
            }
        } else {
            baseline = settledDigest();
        }
    }

    /** Whether every character of the request target is one a request line may carry (RFC 3986, or %-escaped). */
    static boolean isParseable(String target) {
        return target.chars().allMatch(c -> c > 32 && c < 127 && "\"<>\\^`{|}".indexOf(c) < 0);
    }

    /** The API a path is for, as the server decides it: its first segment, decoded; compute for any other. */
    static String apiOf(String path) {
        String first = path.replaceFirst("^/+", "").split("[/;]", 2)[0];
        try {
            first = URLDecoder.decode(first.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "compute";
        }
        return Set.of("compute", "identity", "image", "network").contains(first) ? first : "compute";
    }

    /** The store's digest once the background work has finished and two looks in a row agree. */
    private String settledDigest() {
        AtomicReference<String> last = new AtomicReference<>();
        try {
            await().atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (!settled.getAsBoolean()) {
                    return false;
                }
                String now = store.digest();
                return now.equals(last.getAndSet(now));
            });
        } catch (ConditionTimeoutException e) {
            failures.add("the services did not settle within " + SETTLE_TIMEOUT.toSeconds()
                    + " s (a server stuck in a task state?)");
        }
        return store.digest();
    }

    private void fail(HostileRequest request, String kind, String what) {
        if (failures.size() < MAX_FAILURES && reported.add(kind + " " + request.route())) {
            failures.add(request.route() + ": " + what + "\n    " + request.describe());
        }
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public Map<Integer, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    public int storeChecks() {
        return storeChecks;
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
