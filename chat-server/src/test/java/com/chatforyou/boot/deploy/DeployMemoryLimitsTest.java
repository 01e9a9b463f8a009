package com.chatforyou.boot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.deploy.DeployFiles.Manifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.io.IOException;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JVM's heap is a share of the container's memory limit (JAVA_TOOL_OPTIONS in the image), so the
 * limit and that share must leave room for everything outside the heap; a fixed -Xmx would ignore the limit.
 */
class DeployMemoryLimitsTest {
    /**
     * Memory the JVM needs outside the heap: metaspace, code cache, thread stacks, GC structures, direct
     * buffers. Native memory tracking after start-up showed about 130 MB committed outside the heap, 40 MB of
     * it G1's (deploy/README.md, small-node figures); 192 MiB leaves room for the code cache and metaspace
     * to grow and for WebSocket and Kurento client threads under load.
     */
    static final long MIN_NON_HEAP_MIB = 192;

    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");
    private static final Pattern FIXED_HEAP = Pattern.compile("-Xm[xs][0-9]|-XX:(Max|Initial)HeapSize=[0-9]");
    private static final long MIB = 1024 * 1024;

    @Test
    void imageSizesTheHeapAsAShareOfTheLimitWithoutAFixedHeap() {
        String options = imageJavaToolOptions();

        assertThat(MAX_RAM_PERCENTAGE.matcher(options).find()).as("JAVA_TOOL_OPTIONS: %s", options).isTrue();
        assertThat(options).contains("-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void noDeployFileFixesTheHeap() throws IOException {
        try (Stream<Path> files = Files.walk(DeployFiles.deploy(""))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")).toList()) {
                String withoutComments = Files.readAllLines(file).stream()
                        .filter(line -> !line.strip().startsWith("#")).collect(Collectors.joining("\n"));
                assertThat(FIXED_HEAP.matcher(withoutComments).find())
                        .as("%s fixes the heap; size it with -XX:MaxRAMPercentage", file).isFalse();
            }
        }
    }

    @Test
    void appMemoryLimitLeavesRoomOutsideTheHeap() {
        int checked = 0;
        for (Manifest deployment : DeployFiles.appDeployments()) {
            for (Container container : DeployFiles.appContainers(deployment)) {
                ResourceRequirements resources = container.getResources();
                if (resources == null || resources.getLimits() == null || !resources.getLimits().containsKey("memory")) {
                    continue;
                }
                double percentage = maxRamPercentage(javaToolOptions(container));
                long limit = bytes(resources.getLimits().get("memory"));
                long heap = (long) (limit * percentage / 100);
                long nonHeapMib = (limit - heap) / MIB;

                assertThat(nonHeapMib).as("%s: limit %d MiB, heap %.0f %% = %d MiB, left outside the heap",
                        deployment, limit / MIB, percentage, heap / MIB).isGreaterThanOrEqualTo(MIN_NON_HEAP_MIB);
                checked++;
            }
        }
        assertThat(checked).as("Deployments of the app with a memory limit").isPositive();
    }

    @Test
    void everyContainerRequestsNoMoreThanItsLimitAndHasAMemoryLimit() {
        List<Manifest> workloads = DeployFiles.kubernetesManifests().stream()
                .filter(m -> m.kind().equals("Deployment") || m.kind().equals("StatefulSet")).toList();
        int checked = 0;
        for (Manifest deployment : workloads) {
            PodSpec pod = DeployFiles.podSpec(deployment);
            if (pod == null || pod.getContainers() == null) {
                continue;
            }
            for (Container container : pod.getContainers()) {
                ResourceRequirements resources = container.getResources();
                if (resources == null) {
                    continue;
                }
                Map<String, Quantity> requests = resources.getRequests() == null ? Map.of() : resources.getRequests();
                Map<String, Quantity> limits = resources.getLimits() == null ? Map.of() : resources.getLimits();
                assertThat(limits).as("%s container %s: memory limit", deployment, container.getName())
                        .containsKey("memory");
                for (Map.Entry<String, Quantity> request : requests.entrySet()) {
                    Quantity limit = limits.get(request.getKey());
                    if (limit != null) {
                        assertThat(Quantity.getAmountInBytes(request.getValue()))
                                .as("%s container %s: %s request ≤ limit", deployment, container.getName(), request.getKey())
                                .isLessThanOrEqualTo(Quantity.getAmountInBytes(limit));
                    }
                }
                checked++;
            }
        }
        assertThat(checked).as("containers with resources, the Janus StatefulSet's among them")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void theHeadroomRuleRefusesAHeapThatFillsTheLimit() {
        long limit = bytes(new Quantity("512Mi"));
        long heap = (long) (limit * maxRamPercentage("-XX:MaxRAMPercentage=75.0") / 100);

        assertThat((limit - heap) / MIB).isLessThan(MIN_NON_HEAP_MIB);
    }

    /** The container's own JAVA_TOOL_OPTIONS when a manifest overrides the image's. */
    private static String javaToolOptions(Container container) {
        if (container.getEnv() != null) {
            for (EnvVar env : container.getEnv()) {
                if (env.getName().equals("JAVA_TOOL_OPTIONS") && env.getValue() != null) {
                    return env.getValue();
                }
            }
        }
        return imageJavaToolOptions();
    }

    private static String imageJavaToolOptions() {
        String options = DeployFiles.dockerfile().runtimeStage().environment().get("JAVA_TOOL_OPTIONS");
        assertThat(options).as("JAVA_TOOL_OPTIONS in the Dockerfile's runtime stage").isNotNull();
        return options;
    }

    private static double maxRamPercentage(String options) {
        Matcher matcher = MAX_RAM_PERCENTAGE.matcher(options);
        assertThat(matcher.find()).as("-XX:MaxRAMPercentage in %s", options).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).round(MathContext.DECIMAL64).toBigInteger().longValueExact();
    }
}
