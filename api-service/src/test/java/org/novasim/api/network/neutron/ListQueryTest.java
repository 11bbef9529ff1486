package org.novasim.api.network.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ListQueryTest {

    private static final Map<String, Object> A = Map.of(
            "id",
            "a",
            "name",
            "one",
            "shared",
            true,
            "mtu",
            1450,
            "subnets",
            List.of("s1"),
            "fixed_ips",
            List.of(Map.of("subnet_id", "s1", "ip_address", "10.0.0.5")));
    private static final Map<String, Object> B = Map.of(
            "id", "b", "name", "two", "shared", false, "mtu", 1500, "subnets", List.of(), "fixed_ips", List.of());

    private static ListQuery query(String... keyValues) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.add(keyValues[i], keyValues[i + 1]);
        }
        return new ListQuery(params);
    }

    @Test
    void aFilterGivenOnceGoesToNetworkServiceAndOneGivenTwiceDoesNot() {
        assertThat(query("name", "one").single("name")).isEqualTo("one");
        assertThat(query("id", "a", "id", "b").single("id")).isNull();
        assertThat(query("tenant_id", "p").project()).isEqualTo("p");
        assertThat(query("shared", "True").bool("shared")).isTrue();
        assertThat(query("ip_version", "6").integer("ip_version")).isEqualTo(6);
    }

    @Test
    void everyFilterIsAppliedToTheViewsWithAnyOfItsValues() {
        assertThat(query("id", "a", "id", "b").apply(List.of(A, B))).containsExactly(A, B);
        assertThat(query("name", "two").apply(List.of(A, B))).containsExactly(B);
        assertThat(query("shared", "TRUE").apply(List.of(A, B))).containsExactly(A);
        assertThat(query("mtu", "1500").apply(List.of(A, B))).containsExactly(B);
        assertThat(query("fixed_ips", "ip_address=10.0.0.5").apply(List.of(A, B)))
                .containsExactly(A);
        assertThat(query("name", "one", "shared", "false").apply(List.of(A, B))).isEmpty();
    }

    @Test
    void pagingSortingListsAndUnknownFiltersDoNotFilter() {
        assertThat(query("limit", "1", "sort_key", "name", "subnets", "s1", "colour", "red")
                        .apply(List.of(A, B)))
                .containsExactly(A, B);
    }

    @Test
    void fieldsCutEachView() {
        assertThat(query("fields", "id", "fields", "name").apply(List.of(A)).get(0))
                .containsOnlyKeys("id", "name");
        assertThat(query("fields", "id,mtu,nothing").select(B)).containsOnlyKeys("id", "mtu");
    }

    @Test
    void valuesOfTheWrongKindAreInvalidInput() {
        assertThatThrownBy(() -> query("shared", "maybe").bool("shared"))
                .isInstanceOf(NeutronException.class)
                .hasMessageContaining("cannot be converted to boolean");
        assertThatThrownBy(() -> query("shared", "maybe", "shared", "true").apply(List.of(A)))
                .isInstanceOf(NeutronException.class);
        assertThatThrownBy(() -> query("ip_version", "four").integer("ip_version"))
                .isInstanceOf(NeutronException.class)
                .hasMessageContaining("not an integer");
        assertThatThrownBy(() -> query("fixed_ips", "10.0.0.5").apply(List.of(A)))
                .isInstanceOf(NeutronException.class)
                .hasMessageContaining("ip_address=");
    }
}
