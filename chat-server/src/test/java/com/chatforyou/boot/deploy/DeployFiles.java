package com.chatforyou.boot.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The files under deploy/, read as the tools that use them would: every Kubernetes YAML document
 * (base resources and overlay patches alike) into fabric8's typed model, the compose file as a tree,
 * the Dockerfile as instructions. Overlays are not rendered: each patch is checked on its own.
 */
final class DeployFiles {
    /** The app's container in every manifest, and its Deployment's name. */
    static final String APP_NAME = "chatforyou";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DeployFiles() {
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/k8s"))) {
            dir = dir.getParent();
        }
        return Objects.requireNonNull(dir, "no deploy/k8s above the working directory");
    }

    static Path deploy(String relative) {
        return repositoryRoot().resolve("deploy").resolve(relative);
    }

    /** A parsed YAML document and the file it came from, for failure messages. */
    record Manifest(Path file, JsonNode tree) {
        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        <T> T as(Class<T> type) {
            try {
                return YAML.treeToValue(tree, type);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": not a valid " + type.getSimpleName(), e);
            }
        }

        @Override
        public String toString() {
            return repositoryRoot().relativize(file) + " (" + kind() + " " + name() + ")";
        }
    }

    /** Every Kubernetes document under deploy/k8s; kustomization files are Kustomize's, not the cluster's. */
    static List<Manifest> kubernetesManifests() {
        try (Stream<Path> files = Files.walk(deploy("k8s"))) {
            List<Manifest> manifests = new ArrayList<>();
            for (Path file : files.filter(DeployFiles::isYaml).sorted().toList()) {
                if (!file.getFileName().toString().startsWith("kustomization.")) {
                    manifests.addAll(readYamlDocuments(file).stream().map(tree -> new Manifest(file, tree)).toList());
                }
            }
            return manifests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(deploy("k8s"))) {
            return files.filter(file -> file.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> readYamlDocuments(Path file) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll().stream().filter(tree -> tree != null && !tree.isNull() && !tree.isMissingNode())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not YAML", e);
        }
    }

    /** The app's Deployment documents: the base and every overlay patch of it. */
    static List<Manifest> appDeployments() {
        return kubernetesManifests().stream()
                .filter(m -> m.kind().equals("Deployment") && m.name().equals(APP_NAME))
                .toList();
    }

    /** The app's container in a Deployment document, or none when a patch leaves containers alone. */
    static List<Container> appContainers(Manifest deployment) {
        Deployment typed = deployment.as(Deployment.class);
        if (typed.getSpec() == null || typed.getSpec().getTemplate() == null
                || typed.getSpec().getTemplate().getSpec() == null
                || typed.getSpec().getTemplate().getSpec().getContainers() == null) {
            return List.of();
        }
        return typed.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> APP_NAME.equals(container.getName()))
                .toList();
    }

    /** The pod template's spec of a Deployment or StatefulSet document, or null when a patch has none. */
    static PodSpec podSpec(Manifest workload) {
        PodTemplateSpec template = switch (workload.kind()) {
            case "Deployment" -> {
                Deployment deployment = workload.as(Deployment.class);
                yield deployment.getSpec() == null ? null : deployment.getSpec().getTemplate();
            }
            case "StatefulSet" -> {
                StatefulSet set = workload.as(StatefulSet.class);
                yield set.getSpec() == null ? null : set.getSpec().getTemplate();
            }
            default -> throw new IllegalArgumentException(workload + " is no Deployment or StatefulSet");
        };
        return template == null ? null : template.getSpec();
    }

    static List<Manifest> configMaps(String name) {
        return kubernetesManifests().stream()
                .filter(m -> m.kind().equals("ConfigMap") && m.name().equals(name))
                .toList();
    }

    static Map<String, String> data(Manifest configMap) {
        Map<String, String> data = configMap.as(ConfigMap.class).getData();
        return data == null ? Map.of() : data;
    }

    /** Every probe of a container: startup, readiness, liveness (those it has). */
    static List<Probe> probes(Container container) {
        return Stream.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())
                .filter(Objects::nonNull)
                .toList();
    }

    static JsonNode composeFile() {
        return composeFile("docker-compose.yml");
    }

    /** The compose stacks: on Kurento (docker-compose.yml) and on Janus (docker-compose.janus.yml). */
    static List<String> composeFileNames() {
        return List.of("docker-compose.yml", "docker-compose.janus.yml");
    }

    /** Compose files used on top of one above (-f … -f …): they add services and settings, not the app's build. */
    static List<String> composeOverrideNames() {
        return List.of("docker-compose.janus-pool.yml");
    }

    static JsonNode composeFile(String name) {
        List<JsonNode> documents = readYamlDocuments(deploy("docker/" + name));
        return documents.get(0);
    }

    static Dockerfile dockerfile() {
        return Dockerfile.read(deploy("docker/Dockerfile"));
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
