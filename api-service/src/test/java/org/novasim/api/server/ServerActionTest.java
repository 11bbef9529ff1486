package org.novasim.api.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.novasim.api.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServerActionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ServerAction parse(String body) {
        JsonNode tree = JSON.readTree(body);
        return ServerAction.parse(tree);
    }

    @Test
    void readsStopStartAndRebootAsClientsSendThem() {
        assertThat(parse("{\"os-stop\": null}").name()).isEqualTo(ServerAction.STOP);
        assertThat(parse("{\"os-start\": null}").name()).isEqualTo(ServerAction.START);
        assertThat(parse("{\"reboot\": {\"type\": \"Hard\"}}").rebootType()).isEqualTo("HARD");
        assertThat(parse("{\"reboot\": {\"type\": \"soft\"}}").rebootType()).isEqualTo("SOFT");
    }

    @Test
    void refusesWhatNovaRefusesWithA400() {
        assertThatThrownBy(() -> parse("{\"os-fly\": {}}"))
                .isInstanceOf(ApiException.class)
                .hasMessage("There is no such action: os-fly");
        assertThatThrownBy(() -> parse("{\"reboot\": {}}")).hasMessageContaining("'type' is a required property");
        assertThatThrownBy(() -> parse("{\"reboot\": {\"type\": \"sOfT\"}}")).hasMessageContaining("is not one of");
        assertThatThrownBy(() -> parse("{\"reboot\": \"HARD\"}")).hasMessageContaining("is not of type 'object'");
        assertThatThrownBy(() -> parse("{}")).hasMessage("Malformed request body");
        assertThatThrownBy(() -> ServerAction.parse(null)).hasMessage("Malformed request body");
    }
}
