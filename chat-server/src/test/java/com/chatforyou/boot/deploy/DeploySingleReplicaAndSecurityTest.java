package com.chatforyou.boot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.deploy.DeployFiles.Manifest;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The base Deployment of the app and what no overlay may undo. */
class DeploySingleReplicaAndSecurityTest {
    private static final Path BASE_DEPLOYMENT = DeployFiles.deploy("k8s/base/deployment.yaml");

    @Test
    void oneReplicaBecauseRoomStateLivesInOnePodAndTheManifestSaysSo() throws Exception {
        Deployment base = baseDeployment();

        assertThat(base.getSpec().getReplicas()).isEqualTo(1);
        assertThat(base.getSpec().getStrategy().getType()).as("no second pod during a rollout").isEqualTo("Recreate");
        assertThat(Files.readString(BASE_DEPLOYMENT)).contains("room state").contains("sticky routing by room");
        for (Manifest deployment : DeployFiles.appDeployments()) {
            JsonNode replicas = deployment.tree().path("spec").path("replicas");
            assertThat(replicas.isMissingNode() || replicas.asInt() == 1).as("%s: replicas", deployment).isTrue();
        }
        assertThat(DeployFiles.kubernetesManifests()).as("no autoscaler may add replicas")
                .noneMatch(manifest -> manifest.kind().equals("HorizontalPodAutoscaler"));
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp() {
        PodSpec pod = baseDeployment().getSpec().getTemplate().getSpec();
        PodSecurityContext podSecurity = pod.getSecurityContext();
        Container app = pod.getContainers().stream().filter(c -> c.getName().equals(DeployFiles.APP_NAME)).findFirst()
                .orElseThrow();
        SecurityContext container = app.getSecurityContext();

        assertThat(podSecurity.getRunAsNonRoot()).isTrue();
        assertThat(podSecurity.getRunAsUser()).isPositive();
        assertThat(container.getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
        String tmpVolume = app.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow().getName();
        Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
        assertThat(tmp.getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
    }

    @Test
    void noOverlayRunsTheAppAsRootOrWithAWritableRoot() {
        for (Manifest deployment : DeployFiles.appDeployments()) {
            PodSpec pod = deployment.as(Deployment.class).getSpec().getTemplate().getSpec();
            if (pod.getSecurityContext() != null) {
                assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s runAsNonRoot", deployment)
                        .isNotEqualTo(Boolean.FALSE);
                assertThat(pod.getSecurityContext().getRunAsUser()).as("%s runAsUser", deployment).isNotEqualTo(0L);
            }
            for (Container container : DeployFiles.appContainers(deployment)) {
                SecurityContext security = container.getSecurityContext();
                if (security != null) {
                    assertThat(security.getReadOnlyRootFilesystem()).as("%s", deployment).isNotEqualTo(Boolean.FALSE);
                    assertThat(security.getPrivileged()).as("%s", deployment).isNotEqualTo(Boolean.TRUE);
                }
            }
        }
    }

    @Test
    void everyKustomizationNamesFilesThatExist() {
        List<Path> kustomizations = DeployFiles.kustomizations();

        assertThat(kustomizations).hasSize(5);
        for (Path kustomization : kustomizations) {
            JsonNode tree = DeployFiles.readYamlDocuments(kustomization).get(0);
            assertThat(tree.path("kind").asText()).isEqualTo("Kustomization");
            tree.path("resources").forEach(resource -> assertThat(kustomization.resolveSibling(resource.asText()))
                    .as("%s: resource %s", kustomization, resource.asText()).exists());
            tree.path("patches").forEach(patch -> assertThat(kustomization.resolveSibling(patch.path("path").asText()))
                    .as("%s: patch %s", kustomization, patch).isRegularFile());
        }
    }

    @Test
    void raspberryPiOverlayToleratesTheControlPlaneAndPicksArm64() {
        Manifest patch = DeployFiles.appDeployments().stream()
                .filter(d -> d.file().toString().contains("raspberry-pi")).findFirst().orElseThrow();
        PodSpec pod = patch.as(Deployment.class).getSpec().getTemplate().getSpec();

        assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/arch", "arm64");
        assertThat(pod.getTolerations()).anySatisfy(toleration -> {
            assertThat(toleration.getKey()).isEqualTo("node-role.kubernetes.io/control-plane");
            assertThat(toleration.getEffect()).isEqualTo("NoSchedule");
        });
    }

    private static Deployment baseDeployment() {
        List<JsonNode> documents = DeployFiles.readYamlDocuments(BASE_DEPLOYMENT);
        assertThat(documents).hasSize(1);
        return new Manifest(BASE_DEPLOYMENT, documents.get(0)).as(Deployment.class);
    }
}
