package com.chatforyou.boot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.pool.PlacementStrategy;
import com.chatforyou.boot.deploy.DeployFiles.Manifest;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes overlay with a pool of Janus servers: the app's JANUS_URLS names every pod of the Janus
 * StatefulSet by the stable name its headless Service gives it, on the port that Service and the container
 * serve; each pod gets a media node of its own (host network); and the servers and the app share one secret.
 * The compose pool (docker-compose.janus-pool.yml over docker-compose.janus.yml) puts its second Janus on ports
 * of its own, and the app lists both servers and their Admin APIs in order.
 */
class DeployJanusPoolTest {
    private static final String OVERLAY = "k8s/overlays/with-janus-pool";

    @Test
    void theAppsUrlListNamesEachPodOfTheStatefulSetThroughItsHeadlessService() {
        StatefulSet janus = statefulSet();
        Service service = headlessService(janus);
        String namespace = DeployFiles.readYamlDocuments(DeployFiles.deploy(OVERLAY + "/kustomization.yaml")).get(0)
                .path("namespace").asText();
        List<String> urls = janusUrls();
        ContainerPort api = apiPort(janusContainer(janus));
        ServicePort servicePort = service.getSpec().getPorts().stream()
                .filter(port -> port.getTargetPort().getIntVal() != null
                        ? port.getTargetPort().getIntVal().equals(api.getContainerPort())
                        : port.getTargetPort().getStrVal().equals(api.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no port of Service janus reaches the Janus API"));

        assertThat(namespace).isNotBlank();
        assertThat(janus.getSpec().getReplicas()).as("a pool has several servers").isGreaterThanOrEqualTo(2);
        assertThat(urls).as("one URL per pod, in the pods' order").hasSize(janus.getSpec().getReplicas());
        Set<String> serverIds = new HashSet<>();
        for (int i = 0; i < urls.size(); i++) {
            URI url = URI.create(urls.get(i));
            assertThat(url.getScheme()).as(urls.get(i)).isEqualTo("ws");
            assertThat(url.getHost()).as("pod %d's name under the headless Service", i).isEqualTo(
                    janus.getMetadata().getName() + "-" + i + "." + service.getMetadata().getName() + "." + namespace
                            + ".svc.cluster.local");
            assertThat(url.getPort()).as(urls.get(i)).isEqualTo(servicePort.getPort());
            assertThat(url.getPath()).isEqualTo("/");
            serverIds.add(url.getHost() + ":" + url.getPort());
        }
        assertThat(serverIds).as("each server named once (host:port)").hasSize(urls.size());
        assertThat(servicePort.getPort()).as("hostNetwork: the Service port is the port Janus listens on")
                .isEqualTo(api.getContainerPort());
        assertThat(env(janusContainer(janus))).containsEntry("JANUS_WS_IP", "0.0.0.0");
        assertThat(appConfig()).as("JANUS_URLS alone, without a single JANUS_URL beside it")
                .doesNotContainKey("JANUS_URL").containsEntry("CHATFORYOU_MEDIA_BACKEND", "janus");
    }

    @Test
    void theHeadlessServiceSelectsTheJanusPodsAndKeepsTheirNamesWhileTheyStart() {
        StatefulSet janus = statefulSet();
        Service service = headlessService(janus);

        assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(service.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(janus.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(janus.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(janus.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void eachJanusPodHasAMediaNodeOfItsOwnOnTheHostNetwork() {
        StatefulSet janus = statefulSet();
        PodSpec pod = janus.getSpec().getTemplate().getSpec();

        assertThat(pod.getHostNetwork()).isTrue();
        assertThat(pod.getDnsPolicy()).isEqualTo("ClusterFirstWithHostNet");
        assertThat(pod.getNodeSelector()).containsEntry("chatforyou/media", "true");
        List<PodAffinityTerm> apart = pod.getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution();
        assertThat(apart).as("two pods on one node would share its ports").anySatisfy(term -> {
            assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(janus.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(term.getLabelSelector().getMatchLabels());
        });
    }

    @Test
    void janusRunsTheStartScriptsVariablesWithTheSecretsTheAppUses() throws IOException {
        Container janus = janusContainer(statefulSet());
        Map<String, SecretKeySelector> appSecrets = appSecretRefs();

        List<String> names = janus.getEnv().stream().map(EnvVar::getName).toList();
        assertThat(DeployJanusTest.scriptVariables()).containsAll(names);
        assertThat(names).contains("JANUS_API_SECRET", "JANUS_ROOM_ADMIN_KEY", "JANUS_ADMIN_SECRET", "JANUS_WS_IP")
                .as("one template cannot carry a public address per node").doesNotContain("JANUS_PUBLIC_IP");
        assertSameSecret(janus, "JANUS_API_SECRET", appSecrets.get("CHATFORYOU_MEDIA_JANUS_API_SECRET"));
        assertSameSecret(janus, "JANUS_ROOM_ADMIN_KEY", appSecrets.get("CHATFORYOU_MEDIA_JANUS_ROOM_ADMIN_KEY"));
        assertThat(appSecrets.values()).allSatisfy(ref -> assertThat(ref.getOptional()).as("required").isFalse());
    }

    @Test
    void janusProbesTheApiPortAndHasAMemoryLimit() {
        Container janus = janusContainer(statefulSet());
        int api = apiPort(janus).getContainerPort();

        List<Probe> probes = DeployFiles.probes(janus);
        assertThat(probes).hasSize(2);
        assertThat(probes).allSatisfy(probe -> assertThat(probe.getTcpSocket().getPort().getIntVal()).isEqualTo(api));
        assertThat(janus.getResources().getLimits()).containsKey("memory");
    }

    @Test
    void theOverlayExposesTheDrainingEndpointAndKeepsTheProbesHealth() {
        Map<String, String> config = appConfig();

        List<String> exposed = Arrays.stream(config.get("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE").split(","))
                .map(String::trim).toList();
        assertThat(exposed).contains("health", "mediaservers");
        assertThat(PlacementStrategy.NAMES).contains(config.get("CHATFORYOU_MEDIA_POOL_PLACEMENT"));
    }

    @Test
    void theComposePoolListsBothJanusOnPortsOfTheirOwn() throws IOException {
        JsonNode base = DeployFiles.composeFile("docker-compose.janus.yml").path("services");
        JsonNode pool = DeployFiles.composeFile("docker-compose.janus-pool.yml").path("services");
        List<JsonNode> servers = List.of(base.path("janus"), pool.path("janus-b"));
        String script = Files.readString(DeployFiles.deploy("janus/start-janus.sh"), StandardCharsets.UTF_8);

        List<Integer> apiPorts = new ArrayList<>();
        List<Integer> adminPorts = new ArrayList<>();
        List<String> mediaPorts = new ArrayList<>();
        for (JsonNode janus : servers) {
            assertThat(janus.path("network_mode").asText()).isEqualTo("host");
            assertThat(janus.path("build").path("dockerfile").asText()).isEqualTo("deploy/docker/Dockerfile.janus");
            List<String> names = new ArrayList<>();
            janus.path("environment").fieldNames().forEachRemaining(names::add);
            assertThat(DeployJanusTest.scriptVariables()).containsAll(names);
            assertThat(names).as("the API stays on loopback").doesNotContain("JANUS_WS_IP");
            apiPorts.add(Integer.parseInt(setting(janus, script, "JANUS_WS_PORT")));
            adminPorts.add(Integer.parseInt(setting(janus, script, "JANUS_ADMIN_WS_PORT")));
            mediaPorts.add(setting(janus, script, "JANUS_RTP_PORT_RANGE"));
        }
        assertThat(pool.path("janus-b").path("secrets")).isEqualTo(base.path("janus").path("secrets"));
        assertThat(new HashSet<>(apiPorts)).hasSize(2);
        assertThat(new HashSet<>(adminPorts)).hasSize(2);
        int[] first = range(mediaPorts.get(0));
        int[] second = range(mediaPorts.get(1));
        assertThat(first[1] < second[0] || second[1] < first[0]).as("media port ranges %s apart", mediaPorts).isTrue();

        JsonNode app = pool.path(DeployFiles.APP_NAME).path("environment");
        assertThat(urls(app.path("JANUS_URLS").asText())).as("JANUS_URLS")
                .containsExactly("ws://127.0.0.1:" + apiPorts.get(0) + "/", "ws://127.0.0.1:" + apiPorts.get(1) + "/");
        assertThat(urls(app.path("CHATFORYOU_MEDIA_JANUS_ADMIN_URLS").asText())).as("one Admin API per server, same order")
                .containsExactly("ws://127.0.0.1:" + adminPorts.get(0) + "/", "ws://127.0.0.1:" + adminPorts.get(1) + "/");
    }

    /** A compose service's value for a start-script variable, or the script's own default. */
    private static String setting(JsonNode service, String script, String variable) {
        JsonNode value = service.path("environment").path(variable);
        if (!value.isMissingNode()) {
            return value.asText();
        }
        Matcher fallback = Pattern.compile("\\$\\{" + variable + ":-([^}]+)}").matcher(script);
        assertThat(fallback.find()).as("start-janus.sh's default for %s", variable).isTrue();
        return fallback.group(1);
    }

    private static int[] range(String ports) {
        String[] ends = ports.split("-");
        return new int[] {Integer.parseInt(ends[0].trim()), Integer.parseInt(ends[1].trim())};
    }

    private static void assertSameSecret(Container janus, String variable, SecretKeySelector appRef) {
        SecretKeySelector janusRef = janus.getEnv().stream().filter(env -> env.getName().equals(variable)).findFirst()
                .orElseThrow().getValueFrom().getSecretKeyRef();
        assertThat(appRef).as("the app's secret for Janus' %s", variable).isNotNull();
        assertThat(janusRef.getName()).as(variable).isEqualTo(appRef.getName());
        assertThat(janusRef.getKey()).as(variable).isEqualTo(appRef.getKey());
    }

    private static List<Manifest> overlayManifests() {
        Path overlay = DeployFiles.deploy(OVERLAY);
        return DeployFiles.kubernetesManifests().stream().filter(m -> m.file().startsWith(overlay)).toList();
    }

    private static StatefulSet statefulSet() {
        List<Manifest> sets = overlayManifests().stream().filter(m -> m.kind().equals("StatefulSet")).toList();
        assertThat(sets).as("the overlay's Janus StatefulSet").hasSize(1);
        return sets.get(0).as(StatefulSet.class);
    }

    private static Service headlessService(StatefulSet janus) {
        return overlayManifests().stream()
                .filter(m -> m.kind().equals("Service") && m.name().equals(janus.getSpec().getServiceName()))
                .findFirst().orElseThrow(() -> new AssertionError("no Service " + janus.getSpec().getServiceName()
                        + ", the StatefulSet's serviceName, in " + OVERLAY))
                .as(Service.class);
    }

    private static Container janusContainer(StatefulSet janus) {
        List<Container> containers = janus.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static ContainerPort apiPort(Container janus) {
        return janus.getPorts().stream().filter(port -> "api".equals(port.getName())).findFirst().orElseThrow();
    }

    private static Map<String, String> env(Container container) {
        Map<String, String> values = new java.util.HashMap<>();
        container.getEnv().stream().filter(env -> env.getValue() != null)
                .forEach(env -> values.put(env.getName(), env.getValue()));
        return values;
    }

    /** The overlay's patch of the app's ConfigMap. */
    private static Map<String, String> appConfig() {
        List<Manifest> maps = overlayManifests().stream()
                .filter(m -> m.kind().equals("ConfigMap") && m.name().equals("chatforyou-config")).toList();
        assertThat(maps).hasSize(1);
        return DeployFiles.data(maps.get(0));
    }

    /** The secrets the overlay's patch of the app's Deployment gives the app, by variable. */
    private static Map<String, SecretKeySelector> appSecretRefs() {
        Map<String, SecretKeySelector> refs = new java.util.HashMap<>();
        for (Manifest deployment : overlayManifests().stream().filter(m -> m.kind().equals("Deployment")
                && m.name().equals(DeployFiles.APP_NAME)).toList()) {
            for (Container container : DeployFiles.appContainers(deployment)) {
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        refs.put(env.getName(), env.getValueFrom().getSecretKeyRef());
                    }
                }
            }
        }
        return refs;
    }

    private static List<String> janusUrls() {
        String list = appConfig().get("JANUS_URLS");
        assertThat(list).as("JANUS_URLS in the overlay's chatforyou-config").isNotBlank();
        return urls(list);
    }

    private static List<String> urls(String list) {
        List<String> urls = new ArrayList<>();
        for (String url : list.split(",")) {
            if (!url.isBlank()) {
                urls.add(url.trim());
            }
        }
        return urls;
    }
}
