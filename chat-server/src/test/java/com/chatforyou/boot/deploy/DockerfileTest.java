package com.chatforyou.boot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The image's inputs, checked statically in every build: what it runs is what Maven builds, with the AOT
 * cache its build trains, it exposes the app's ports, runs as a numeric non-root user and has a healthcheck.
 * Whether the healthcheck's path is served is DeployProbesServedByAppTest's job; building and running the
 * image is the container check's in ./test.sh (deploy/container-check.sh).
 */
class DockerfileTest {
    private final Dockerfile dockerfile = DeployFiles.dockerfile();
    private final Dockerfile runtime = dockerfile.runtimeStage();

    @Test
    void buildsWithMavenOnAJdkAndRunsOnAJava25JreFromTheRealMultiArchImagesByDefault() {
        List<String> stages = dockerfile.baseImages();

        assertThat(stages).containsExactly("maven:3.9-eclipse-temurin-25 AS build", "eclipse-temurin:25-jre");
        assertThat(dockerfile.all("FROM")).as("base images chosen by build arguments, for the local check")
                .containsExactly("${BUILD_IMAGE} AS build", "${RUNTIME_IMAGE}");
        assertThat(dockerfile.all("RUN")).anyMatch(run -> run.contains("mvn ") && run.contains(" package")
                && run.contains("-pl chat-server -am"));
    }

    @Test
    void extractsTheJarThatChatServersPomBuildsAndRunsIt() throws Exception {
        String expectedJar = "chat-server/target/" + chatServerArtifactId() + "-" + chatServerVersion() + ".jar";

        assertThat(dockerfile.buildStage().all("RUN")).anyMatch(run -> run.contains("-Djarmode=tools -jar "
                + expectedJar + " extract --destination /extracted"));
        assertThat(runtime.all("COPY")).singleElement().asString().startsWith("--from=build ")
                .endsWith(" /extracted/ /app/");
        assertThat(runtime.all("ENTRYPOINT")).singleElement().asString().contains("\"-jar\", \"/app/app.jar\"");
    }

    @Test
    void compilesWithC1OnlyForAFastStartOnASmallNodeInAnOptionTheOperatorCanReplace() {
        assertThat(runtime.environment().get("JAVA_TOOL_OPTIONS")).contains("-XX:TieredStopAtLevel=1");
        assertThat(runtime.all("ENTRYPOINT").get(0)).doesNotContain("TieredStopAtLevel");
    }

    @Test
    void startsWithTheAotCacheThatATrainingRunOfTheSameJarCreatesInTheImage() {
        Matcher cache = Pattern.compile("-XX:AOTCache=(\\S+?)\"").matcher(runtime.all("ENTRYPOINT").get(0));
        assertThat(cache.find()).as(runtime.all("ENTRYPOINT").get(0)).isTrue();

        assertThat(runtime.all("RUN")).anyMatch(run -> run.contains("-XX:AOTCacheOutput=" + cache.group(1) + " ")
                && run.contains("-jar /app/app.jar") && run.contains("/actuator/health/readiness")
                && run.contains("test -s " + cache.group(1)));
    }

    @Test
    void exposesThePlainAndTheTlsPort() {
        Set<Integer> exposed = runtime.all("EXPOSE").stream()
                .flatMap(ports -> Arrays.stream(ports.split("\\s+")))
                .map(port -> Integer.parseInt(port.replace("/tcp", "")))
                .collect(Collectors.toCollection(TreeSet::new));
        int appPort = ServerPort.forPortVariable(runtime.environment().get("PORT"));

        assertThat(exposed).containsExactly(8080, 8443);
        assertThat(exposed).contains(appPort);
    }

    @Test
    void runsAsANumericNonRootUserThatKubernetesAlsoUses() {
        List<String> users = runtime.all("USER");

        assertThat(users).hasSize(1);
        String[] userAndGroup = users.get(0).split(":");
        assertThat(userAndGroup[0]).as("numeric, so runAsNonRoot can verify it").matches("[0-9]+");
        int uid = Integer.parseInt(userAndGroup[0]);
        assertThat(uid).isPositive();
        assertThat(DeployFiles.appDeployments()).anySatisfy(deployment -> assertThat(
                deployment.as(Deployment.class)
                        .getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                .isEqualTo((long) uid));
        int userIndex = runtime.instructions().indexOf(new Dockerfile.Instruction("USER", users.get(0)));
        int entrypointIndex = runtime.instructions().indexOf(new Dockerfile.Instruction("ENTRYPOINT",
                runtime.all("ENTRYPOINT").get(0)));
        assertThat(userIndex).as("USER before ENTRYPOINT").isLessThan(entrypointIndex);
    }

    @Test
    void hasAHealthcheckOnAnActuatorHealthPath() {
        List<String> healthchecks = runtime.all("HEALTHCHECK");

        assertThat(healthchecks).hasSize(1);
        assertThat(healthcheckPaths(healthchecks.get(0))).singleElement().asString().startsWith("/actuator/health/");
        assertThat(healthchecks.get(0)).contains("--start-period=").contains("${PORT:-8080}");
    }

    @Test
    void composeBuildsThisDockerfileFromTheRepositoryRoot() throws Exception {
        for (String file : DeployFiles.composeFileNames()) {
            var build = DeployFiles.composeFile(file).path("services").path(DeployFiles.APP_NAME).path("build");
            Path context = DeployFiles.deploy("docker").resolve(build.path("context").asText()).normalize();

            assertThat(context).as(file).isEqualTo(DeployFiles.repositoryRoot());
            assertThat(context.resolve(build.path("dockerfile").asText())).as(file)
                    .isEqualTo(DeployFiles.deploy("docker/Dockerfile"));
        }
        assertThat(Files.readString(DeployFiles.repositoryRoot().resolve(".dockerignore").toAbsolutePath(),
                StandardCharsets.UTF_8)).contains("**/target/");
    }

    /** The HTTP paths a HEALTHCHECK command requests. */
    static List<String> healthcheckPaths(String healthcheck) {
        Matcher path = Pattern.compile("://[^/\"\\s]+(/[^\"\\s]*)").matcher(healthcheck);
        List<String> paths = new ArrayList<>();
        while (path.find()) {
            paths.add(path.group(1));
        }
        return paths;
    }

    private static String chatServerArtifactId() throws Exception {
        return text(chatServerPom().getDocumentElement(), "artifactId");
    }

    private static String chatServerVersion() throws Exception {
        Element project = chatServerPom().getDocumentElement();
        String own = text(project, "version");
        return own != null ? own : text((Element) project.getElementsByTagName("parent").item(0), "version");
    }

    private static Document chatServerPom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(DeployFiles.repositoryRoot().resolve("chat-server/pom.xml").toFile());
    }

    /** A direct child's text, or null. */
    private static String text(Element parent, String child) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(child)) {
                return element.getTextContent().strip();
            }
        }
        return null;
    }
}
