package org.novasim.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ApiVersionFilterTest {

    private final ApiVersionFilter filter =
            new ApiVersionFilter(JsonMapper.builder().build());

    private MockHttpServletResponse call(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest servers() {
        return new MockHttpServletRequest("GET", "/compute/v2.1/servers");
    }

    @Test
    void withoutAHeaderTheVersionIsTheOldest() throws Exception {
        MockHttpServletRequest request = servers();
        MockHttpServletResponse response = call(request);

        assertThat(ApiVersionFilter.of(request)).isEqualTo(ApiVersion.MIN);
        assertThat(response.getHeader("OpenStack-API-Version")).isEqualTo("compute 2.1");
        assertThat(response.getHeader("Vary"))
                .contains("OpenStack-API-Version")
                .contains("X-OpenStack-Nova-API-Version");
    }

    @Test
    void readsBothHeadersAndLatest() throws Exception {
        MockHttpServletRequest standard = servers();
        standard.addHeader("OpenStack-API-Version", "compute 2.9");
        call(standard);
        assertThat(ApiVersionFilter.of(standard)).isEqualTo(new ApiVersion(2, 9));

        MockHttpServletRequest legacy = servers();
        legacy.addHeader("X-OpenStack-Nova-API-Version", "2.2");
        call(legacy);
        assertThat(ApiVersionFilter.of(legacy)).isEqualTo(new ApiVersion(2, 2));

        MockHttpServletRequest latest = servers();
        latest.addHeader("OpenStack-API-Version", "compute latest");
        assertThat(call(latest).getHeader("OpenStack-API-Version")).isEqualTo("compute " + ApiVersion.MAX);

        MockHttpServletRequest otherService = servers();
        otherService.addHeader("OpenStack-API-Version", "volume 3.50");
        call(otherService);
        assertThat(ApiVersionFilter.of(otherService)).isEqualTo(ApiVersion.MIN);
    }

    @Test
    void refusesVersionsOutsideTheRangeWith406AndMalformedOnesWith400() throws Exception {
        MockHttpServletRequest tooNew = servers();
        tooNew.addHeader("OpenStack-API-Version", "compute 2.92");
        MockHttpServletResponse refused = call(tooNew);
        assertThat(refused.getStatus()).isEqualTo(406);
        assertThat(refused.getContentAsString())
                .contains("Version 2.92 is not supported by the API. Minimum is 2.1 " + "and maximum is "
                        + ApiVersion.MAX + ".");

        MockHttpServletRequest tooOld = servers();
        tooOld.addHeader("X-OpenStack-Nova-API-Version", "2.0");
        assertThat(call(tooOld).getStatus()).isEqualTo(406);

        MockHttpServletRequest malformed = servers();
        malformed.addHeader("OpenStack-API-Version", "compute two");
        MockHttpServletResponse bad = call(malformed);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("badRequest");
    }
}
