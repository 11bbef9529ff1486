package org.novasim.api.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.novasim.api.web.ApiException;
import org.novasim.common.network.RequestedNetwork;
import tools.jackson.databind.json.JsonMapper;

class CreateServerRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CreateServerRequest parse(String json) {
        return CreateServerRequest.parse(JSON.readTree(json));
    }

    @Test
    void readsTheFieldsClientsSend() {
        CreateServerRequest request = parse("""
                {"server": {"name": "vm1", "flavorRef": 2, "imageRef": "http://x/images/abc",
                 "min_count": "2", "max_count": 3, "availability_zone": "nova", "key_name": "k1",
                 "networks": [{"uuid": "3f0e8b8a-1111-4222-8333-444455556666", "fixed_ip": "10.0.0.9"},
                              {"port": "3f0e8b8a-1111-4222-8333-444455556667"}]}}""");

        assertThat(request.name()).isEqualTo("vm1");
        assertThat(request.flavorRef()).isEqualTo("2");
        assertThat(request.imageRef()).isEqualTo("abc");
        assertThat(request.minCount()).isEqualTo(2);
        assertThat(request.maxCount()).isEqualTo(3);
        assertThat(request.networks())
                .containsExactly(
                        new RequestedNetwork("3f0e8b8a-1111-4222-8333-444455556666", "10.0.0.9", null),
                        new RequestedNetwork(null, null, "3f0e8b8a-1111-4222-8333-444455556667"));
    }

    @Test
    void networksDefaultToAutoAndAcceptAutoOrNone() {
        assertThat(parse("""
                {"server": {"name": "a", "flavorRef": "1", "imageRef": "i"}}""").networks()).containsExactly(RequestedNetwork.auto());
        assertThat(parse("""
                {"server": {"name": "a", "flavorRef": "1", "imageRef": "i", "networks": "none"}}""").networks()).containsExactly(RequestedNetwork.none());
    }

    @Test
    void refusesWhatNovaRefuses() {
        assertBad("{}", "server");
        assertBad("""
                {"server": {"flavorRef": "1", "imageRef": "i"}}""", "'name' is a required property");
        assertBad("""
                {"server": {"name": "", "flavorRef": "1", "imageRef": "i"}}""", "name");
        assertBad("""
                {"server": {"name": "a", "flavorRef": "1", "imageRef": 7}}""", "imageRef");
        assertBad("""
                {"server": {"name": "a", "flavorRef": "1", "imageRef": "i", "min_count": 0}}""", "min_count");
        assertBad("""
                {"server": {"name": "a", "flavorRef": "1", "imageRef": "i", "min_count": 3, "max_count": 2}}""", "min_count");
        assertBad("""
                {"server": {"name": "a", "flavorRef": "1", "imageRef": "i", "networks": "some"}}""", "networks");
        assertBad("""
                {"server": {"name": "a", "flavorRef": "1", "imageRef": "i", "networks": [{"uuid": "private"}]}}""", "network uuid is not in proper format");
        assertBad("""
                {"server": {"name": "a", "flavorRef": "1", "imageRef": "i",
                 "networks": [{"uuid": "3f0e8b8a-1111-4222-8333-444455556666", "fixed_ip": "10.0.0.300"}]}}""", "Invalid fixed IP address");
        assertBad("""
                {"server": {"name": "a", "flavorRef": "1", "imageRef": "i",
                 "networks": [{"uuid": "3f0e8b8a-1111-4222-8333-444455556666", "fixed_ip": "example.com"}]}}""", "Invalid fixed IP address");
    }

    private static void assertBad(String json, String messagePart) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400))
                .hasMessageContaining(messagePart);
    }
}
