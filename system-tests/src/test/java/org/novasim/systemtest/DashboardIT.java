package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser (headless chromium): log in with the API's credentials, see the four hosts, watch
 * a launch made over REST reach ACTIVE with its stages, see a NoValidHost fault, and a member who sees only their
 * project. Each view is saved as a screenshot under target/screenshots; the page logs no console error.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static Cloud cloud;
    static ApiClient api;
    static Browser browser;
    static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() {
        browser = Browser.start();
        cloud = Cloud.onH2()
                .api("novasim.dashboard.tick", "300ms")
                .api("novasim.quota.defaults.instances", 50)
                .api("novasim.quota.defaults.cores", 50)
                .everywhere("management.tracing.export.enabled", true)
                .everywhere("management.tracing.sampling.probability", 1.0)
                .start();
        api = cloud.client();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Order(0)
    void theDashboardsDataNeedsAValidSessionCookie() {
        ApiClient anonymous = api.withToken(null);
        assertThat(anonymous.get("/dashboard/").status())
                .as("the page itself is open")
                .isEqualTo(200);
        assertThat(anonymous.get("/dashboard/api/stream").status()).isEqualTo(401);
        assertThat(anonymous.get("/dashboard/api/servers/any").status()).isEqualTo(401);
        assertThat(anonymous.get("/dashboard/api/session").status())
                .as("nobody logged in")
                .isEqualTo(204);
        assertThat(anonymous
                        .send("GET", "/dashboard/api/stream", null, "Cookie", "novasim_dashboard=forged")
                        .status())
                .isEqualTo(401);

        String token = api.as("admin", "admin", "admin").token();
        ApiClient.Response opened = anonymous.send("POST", "/dashboard/api/session", null, "X-Auth-Token", token);
        assertThat(opened.status()).isEqualTo(204);
        assertThat(opened.header("Set-Cookie")).contains("HttpOnly", "SameSite=Strict", "Path=/dashboard");
        String cookie = opened.header("Set-Cookie").split(";")[0];
        assertThat(anonymous
                        .send("GET", "/dashboard/api/session", null, "Cookie", cookie)
                        .status())
                .isEqualTo(200);
        ApiClient.Response member =
                anonymous.send("GET", "/dashboard/api/hosts/compute-1", null, "Cookie", memberCookie());
        assertThat(member.status()).as("hosts are for admins").isEqualTo(403);

        assertThat(anonymous
                        .send("DELETE", "/dashboard/api/session", null, "Cookie", cookie)
                        .status())
                .isEqualTo(204);
        assertThat(anonymous
                        .send("GET", "/dashboard/api/stream", null, "Cookie", cookie)
                        .status())
                .as("logging out revoked the token")
                .isEqualTo(401);
        assertThat(api.get("/compute/v2.1/servers").status())
                .as("the test's own token was not the one revoked")
                .isEqualTo(200);
    }

    private static String memberCookie() {
        String token = api.as("demo", "demo", "demo").token();
        return api.withToken(null)
                .send("POST", "/dashboard/api/session", null, "X-Auth-Token", token)
                .header("Set-Cookie")
                .split(";")[0];
    }

    @Test
    @Order(1)
    void anAdminLogsInAndSeesTheServicesAndTheFourHosts() {
        browser.logIn(api.base(), "admin", "admin");

        browser.waiting(WAIT).until(d -> browser.text("#compute-summary").contains("4 hosts up"));
        assertThat(browser.text("#services")).contains("nova-scheduler", "nova-conductor", "nova-network");
        assertThat(browser.text("#capacity")).contains("vCPU: 0 of 256");
        browser.screenshot("overview-start");

        browser.open("hosts");
        browser.waiting(WAIT).until(d -> "4".equals(browser.attribute("#host-summary", "data-count")));
        // The keyboard's way in: focus the grid, move to the first host, open it.
        WebElement grid = browser.find("#host-grid");
        grid.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_LEFT, Keys.ENTER);
        browser.waiting(WAIT)
                .until(d -> browser.text("#host-detail").contains("instances")
                        || browser.text("#host-detail").contains("no instances"));
        assertThat(browser.text("#host-detail-name")).isEqualTo("compute-1");
        browser.screenshot("hosts");
        collectConsoleErrors();
    }

    @Test
    @Order(2)
    void aLaunchOverRestReachesActiveOnThePageWithItsStagesAndTraceId() {
        String id = api.launch("watched", "1", LaunchPipelineIT.CIRROS);

        browser.open("launches");
        browser.waiting(WAIT).until(d -> statusOf(id).equals("ACTIVE"));
        clickRow(id);
        browser.waiting(WAIT)
                .until(d -> !d.findElements(By.cssSelector("#timeline rect[data-stage='spawn']"))
                        .isEmpty());
        for (String stage : List.of("request", "select_destinations", "claim", "allocate network", "spawn", "active")) {
            assertThat(browser.attribute("#timeline rect[data-stage='" + stage + "']", "data-stage"))
                    .as(stage)
                    .isEqualTo(stage);
        }
        assertThat(browser.text("#timeline"))
                .containsPattern("request req-[0-9a-f-]{36}")
                .containsPattern("trace [0-9a-f]{32}");
        browser.screenshot("launches");
        collectConsoleErrors();
    }

    @Test
    @Order(3)
    void aLaunchThatFindsNoHostShowsItsFault() {
        String id = api.launchIn("nowhere", "lost", "1");

        browser.open("faults");
        browser.waiting(WAIT).until(d -> browser.text("#fault-groups").contains("No valid host was found"));
        assertThat(browser.text("#fault-groups")).contains("lost");
        browser.screenshot("faults");

        browser.open("launches/" + id);
        browser.waiting(WAIT)
                .until(d -> !d.findElements(By.id("timeline-fault")).isEmpty());
        assertThat(browser.text("#timeline-fault")).contains("Fault 500: No valid host was found");
        collectConsoleErrors();
    }

    @Test
    @Order(4)
    void theMessagesViewShowsTheRpcMethodsBetweenTheServices() {
        browser.open("messages");
        // A burst of launches: the messages view shows their rates, then the overview its counts and charts.
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add(api.launch("burst-" + i, "1", LaunchPipelineIT.CIRROS));
        }
        browser.waiting(WAIT).until(d -> browser.text("#message-table").contains("instance_update"));
        browser.waiting(WAIT).until(d -> rateShown("build_and_run_instance"));
        assertThat(browser.text("#message-table")).contains("select_destinations", "report_hosts");
        assertThat(browser.attribute("#rabbitmq-link", "href")).endsWith(":15672/");
        browser.screenshot("messages");

        browser.open("overview");
        burst.forEach(id -> api.waitForStatus(id, "ACTIVE", WAIT));
        browser.waiting(WAIT).until(d -> browser.text("#count-ACTIVE").equals("13"));
        browser.waiting(WAIT).until(d -> !browser.text("#fig-p50").equals("–"));
        browser.screenshot("overview");
        collectConsoleErrors();
    }

    @Test
    @Order(5)
    void aMemberSeesTheirProjectOnlyAndNoHosts() {
        String adminServer = api.launch("admins-own", "1", LaunchPipelineIT.CIRROS);
        ApiClient demo = api.as("demo", "demo", "demo");
        String demoServer = demo.launch("demos-own", "1", LaunchPipelineIT.CIRROS);
        demo.waitForStatus(demoServer, "ACTIVE", WAIT);
        browser.logOut();

        browser.logIn(api.base(), "demo", "demo");
        browser.open("launches");
        browser.waiting(WAIT).until(d -> statusOf(demoServer).equals("ACTIVE"));
        assertThat(browser.driver.findElements(By.cssSelector("#server-table tr[data-id='" + adminServer + "']")))
                .isEmpty();
        assertThat(browser.find("nav a[data-view=hosts]").isDisplayed()).isFalse();
        assertThat(browser.find("#card-capacity").isDisplayed()).isFalse();
        collectConsoleErrors();
        assertThat(consoleErrors).as("console errors").isEmpty();
    }

    /** The server's status in the live table, read in one go: the feed redraws the table as it ticks. */
    private static String statusOf(String id) {
        return String.valueOf(browser.driver.executeScript(
                "const row = document.querySelector(`#server-table tr[data-id='${arguments[0]}']`);"
                        + "return row ? row.children[1].textContent : '';",
                id));
    }

    /** Clicks the server's row (found and clicked in one go, for the same reason). */
    private static void clickRow(String id) {
        browser.driver.executeScript(
                "document.querySelector(`#server-table tr[data-id='${arguments[0]}']`).click()", id);
    }

    /** Whether the messages table shows a rate above zero for the method (the feed's last tick saw some). */
    private static boolean rateShown(String method) {
        Object rate = browser.driver.executeScript(
                "const row = [...document.querySelectorAll('#message-table tbody tr')]"
                        + ".find(r => r.children[2].textContent === arguments[0]);"
                        + "return row ? parseFloat(row.children[4].textContent) : 0;",
                method);
        return ((Number) rate).doubleValue() > 0;
    }

    private static void collectConsoleErrors() {
        consoleErrors.addAll(browser.consoleErrors());
    }
}
