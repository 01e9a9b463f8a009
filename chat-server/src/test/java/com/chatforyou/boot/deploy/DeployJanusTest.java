package com.chatforyou.boot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.deploy.DeployFiles.Manifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Janus as deployed: the compose service and the Kubernetes overlay run the image of
 * docker/Dockerfile.janus, whose start script fills deploy/janus's configs (the ones the tests run) with
 * the deployment's secrets; they set exactly the variables that script reads, and Janus' media gets the
 * host network.
 */
class DeployJanusTest {

    @Test
    void theStartScriptReplacesEveryPlaceholderTheConfigsCarry() throws IOException {
        String script = read("janus/start-janus.sh");
        for (String config : List.of("janus.jcfg", "janus.plugin.videoroom.jcfg")) {
            Matcher placeholders = Pattern.compile("(?m)^\\s*(\\w+) = \"change-me-").matcher(read("janus/" + config));
            while (placeholders.find()) {
                assertThat(script).as("start-janus.sh fills %s's %s", config, placeholders.group(1))
                        .contains(placeholders.group(1) + " = ");
            }
        }
        assertThat(read("docker/Dockerfile.janus")).contains("COPY deploy/janus/").contains("apt-get install")
                .contains("janus").contains("start-janus.sh");
    }

    @Test
    void theKubernetesJanusRunsOnTheHostNetworkWithTheVariablesTheStartScriptReads() throws IOException {
        Manifest janus = DeployFiles.kubernetesManifests().stream()
                .filter(m -> m.kind().equals("Deployment") && m.name().equals("janus")).findFirst().orElseThrow();
        Deployment deployment = janus.as(Deployment.class);
        assertThat(deployment.getSpec().getTemplate().getSpec().getHostNetwork()).isTrue();
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Set<String> set = container.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
        assertThat(scriptVariables()).containsAll(set);
        assertThat(set).contains("JANUS_API_SECRET", "JANUS_ROOM_ADMIN_KEY", "JANUS_ADMIN_SECRET", "JANUS_WS_IP");
    }

    @Test
    void theComposeJanusRunsOnTheHostNetworkWithTheVariablesTheStartScriptReads() throws IOException {
        JsonNode services = DeployFiles.composeFile("docker-compose.janus.yml").path("services");
        JsonNode janus = services.path("janus");
        assertThat(janus.path("network_mode").asText()).isEqualTo("host");
        assertThat(services.path(DeployFiles.APP_NAME).path("network_mode").asText())
                .as("the app reaches Janus' loopback-only API").isEqualTo("host");
        assertThat(janus.path("build").path("dockerfile").asText()).isEqualTo("deploy/docker/Dockerfile.janus");
        List<String> names = new java.util.ArrayList<>();
        janus.path("environment").fieldNames().forEachRemaining(names::add);
        assertThat(scriptVariables()).containsAll(names);
    }

    /** The variables start-janus.sh reads: JANUS_* names, each also as NAME_FILE for secrets. */
    static Set<String> scriptVariables() throws IOException {
        Matcher names = Pattern.compile("JANUS_[A-Z_]+").matcher(read("janus/start-janus.sh"));
        Set<String> found = new java.util.HashSet<>();
        while (names.find()) {
            found.add(names.group());
            found.add(names.group() + "_FILE");
        }
        return found;
    }

    private static String read(String relative) throws IOException {
        return Files.readString(DeployFiles.deploy(relative), StandardCharsets.UTF_8);
    }
}
