package com.chatforyou.boot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.boot.deploy.DeployFiles.Manifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The probes and healthcheck in the deploy files ask the real app, on the port it really listens on,
 * for paths it really serves; and the pod's grace period covers the preStop pause plus Spring's shutdown.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeployProbesServedByAppTest {
    @LocalServerPort
    private int port;

    @Autowired
    private Environment environment;

    @Test
    void everyProbeAndHealthcheckPathAnswers200() throws Exception {
        Set<String> paths = new TreeSet<>(probePaths());
        paths.addAll(DockerfileTest.healthcheckPaths(
                DeployFiles.dockerfile().runtimeStage().all("HEALTHCHECK").get(0)));
        assertThat(paths).contains("/actuator/health/liveness", "/actuator/health/readiness");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failures.add(path + " -> " + response.statusCode() + " " + response.body());
            }
        }
        assertThat(failures).as("probe paths the app does not serve with 200").isEmpty();
    }

    @Test
    void probesUseTheContainerPortTheAppListensOn() {
        List<ContainerPort> ports = new ArrayList<>();
        String portVariable = portVariable();
        for (Manifest deployment : DeployFiles.appDeployments()) {
            for (Container container : DeployFiles.appContainers(deployment)) {
                if (container.getPorts() != null) {
                    ports.addAll(container.getPorts());
                }
            }
        }
        int appPort = ServerPort.forPortVariable(portVariable);
        assertThat(ports).as("the app container's ports").anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(appPort));

        int probes = 0;
        for (Manifest deployment : DeployFiles.appDeployments()) {
            for (Container container : DeployFiles.appContainers(deployment)) {
                for (Probe probe : DeployFiles.probes(container)) {
                    IntOrString probePort = probe.getHttpGet().getPort();
                    int resolved = probePort.getIntVal() != null ? probePort.getIntVal()
                            : ports.stream().filter(p -> probePort.getStrVal().equals(p.getName()))
                                    .findFirst().orElseThrow(() -> new AssertionError(
                                            deployment + ": no container port named " + probePort.getStrVal()))
                                    .getContainerPort();
                    assertThat(resolved).as("%s probe port", deployment).isEqualTo(appPort);
                    probes++;
                }
            }
        }
        assertThat(probes).as("startup, readiness and liveness probes").isGreaterThanOrEqualTo(3);
    }

    @Test
    void gracePeriodCoversThePreStopPauseAndSpringsShutdown() {
        Duration shutdownPhase = Binder.get(environment)
                .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).orElse(Duration.ofSeconds(30));
        Deployment base = DeployFiles.appDeployments().stream()
                .filter(d -> d.file().endsWith("base/deployment.yaml")).findFirst().orElseThrow().as(Deployment.class);
        Container app = base.getSpec().getTemplate().getSpec().getContainers().get(0);
        Lifecycle lifecycle = app.getLifecycle();
        List<String> preStop = lifecycle.getPreStop().getExec().getCommand();
        assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
        long preStopSeconds = Long.parseLong(preStop.get(1));

        assertThat(preStopSeconds).as("endpoint removal takes a few seconds").isGreaterThanOrEqualTo(5);
        assertThat(base.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .as("preStop %d s + shutdown phase %s", preStopSeconds, shutdownPhase)
                .isGreaterThan(preStopSeconds + shutdownPhase.toSeconds());
    }

    /** PORT as the app container gets it: its own env, else its ConfigMaps, else unset. */
    private static String portVariable() {
        for (Manifest deployment : DeployFiles.appDeployments()) {
            for (Container container : DeployFiles.appContainers(deployment)) {
                if (container.getEnv() != null) {
                    for (EnvVar env : container.getEnv()) {
                        if (env.getName().equals("PORT")) {
                            return env.getValue();
                        }
                    }
                }
            }
        }
        return DeployFiles.configMaps("chatforyou-config").stream().map(DeployFiles::data)
                .filter(data -> data.containsKey("PORT")).map(data -> data.get("PORT")).findFirst().orElse(null);
    }

    private static List<String> probePaths() {
        List<String> paths = new ArrayList<>();
        for (Manifest deployment : DeployFiles.appDeployments()) {
            for (Container container : DeployFiles.appContainers(deployment)) {
                for (Probe probe : DeployFiles.probes(container)) {
                    HTTPGetAction get = probe.getHttpGet();
                    assertThat(get).as("%s: the app's probes are HTTP GETs", deployment).isNotNull();
                    paths.add(get.getPath());
                }
            }
        }
        return paths;
    }
}
