package org.novasim.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiPathTest {

    private static MockHttpServletRequest request(String uri) {
        return new MockHttpServletRequest("GET", uri);
    }

    @Test
    void theRoutedPathIsDecodedAndWithoutMatrixParameters() {
        assertThat(ApiPath.of(request("/%63ompute/v2.1/servers"))).isEqualTo("/compute/v2.1/servers");
        assertThat(ApiPath.of(request("/compute;x=1/v2.1;y=2/servers"))).isEqualTo("/compute/v2.1/servers");
        assertThat(ApiPath.root(request("/%6eetwork/v2.0/networks"))).isEqualTo("network");
        assertThat(ApiPath.root(request("/"))).isEmpty();
    }

    @Test
    void aPathThatCannotBeDecodedKeepsTheApiItsFirstSegmentNames() {
        // Found by the hostile-input suite: Tomcat's 400 for these came in Nova's format whatever the API.
        assertThat(ApiPath.root(request("/network/v2.0/quotas/%"))).isEqualTo("network");
        assertThat(ApiPath.root("/identity/v3/projects/%/", "")).isEqualTo("identity");
        assertThat(ApiPath.root("/%zzidentity/v3", "")).isEmpty();
    }

    @Test
    void pathsInNormalFormPass() {
        for (String path : new String[] {
            "/compute/v2.1/servers",
            "/compute/v2.1/",
            "/",
            "/compute/v2.1/os-keypairs/my%20key",
            "/compute/v2.1/flavors/1/os-extra_specs/hw%3Acpu_policy",
            "/image/v2/images"
        }) {
            assertThat(ApiPath.abnormality(request(path))).as(path).isEmpty();
        }
    }

    @Test
    void otherSpellingsOfAPathAreNotNormal() {
        for (String path : new String[] {
            "/%63ompute/v2.1/servers",
            "/compute/%762.1/servers",
            "/compute/v2.1/servers%2Edetail",
            "/compute;x=1/v2.1/servers",
            "/compute//v2.1/servers",
            "/compute/./v2.1",
            "/compute/v2.1/servers/../flavors",
            "/compute/v2.1/servers/%",
            "/compute/v2.1/servers/%zz",
            "/compute/v2.1/servers/%2F",
            "/compute/v2.1/servers/%5c",
            "/compute/v2.1/servers/a%0Ab"
        }) {
            assertThat(ApiPath.abnormality(request(path))).as(path).isPresent();
        }
    }
}
