package com.chatforyou.boot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.deploy.AppSettings.Setting;
import com.chatforyou.boot.deploy.DeployFiles.Manifest;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable the deploy files give the app is one the app reads: a misspelt or
 * invented name would otherwise be ignored without a word, and the app would run on its defaults.
 */
class DeployEnvironmentVariablesTest {
    private static final AppSettings APP = AppSettings.fromClasspathMetadata();

    @Test
    void metadataCoversBootAndTheAppsOwnProperties() {
        assertThat(APP.hasProperty("chatforyou.turn.secret"))
                .as("chat-server's own metadata (spring-boot-configuration-processor)").isTrue();
        assertThat(APP.hasProperty("chatforyou.rooms.max-rooms")).isTrue();
        assertThat(APP.hasProperty("server.ssl.bundle")).as("Boot's metadata").isTrue();
        assertThat(APP.isMapProperty("spring.ssl.bundle.pem")).isTrue();
    }

    @Test
    void variablesBoundTheWayBootBindsTheEnvironmentAreRead() {
        assertThat(List.of("CHATFORYOU_MEDIA_BACKEND", "CHATFORYOU_TURN_SECRET", "CHATFORYOU_TURN_URLS",
                "CHATFORYOU_ICE_STUN_URLS", "CHATFORYOU_ROOMS_MAXROOMS", "CHATFORYOU_ROOMS_MAX_ROOMS",
                "CHATFORYOU_MEDIA_KURENTO_URL", "SERVER_SSL_BUNDLE", "SPRING_CONFIG_IMPORT",
                "SPRING_SSL_BUNDLE_PEM_CHATFORYOU_KEYSTORE_CERTIFICATE", "PORT", "KMS_URL", "JAVA_TOOL_OPTIONS",
                "KMS_URLS", "JANUS_URLS", "CHATFORYOU_MEDIA_JANUS_URLS", "CHATFORYOU_MEDIA_POOL_PLACEMENT",
                "CHATFORYOU_MEDIA_POOL_DRAINING", "CHATFORYOU_MEDIA_POOL_FAILOVER_AFTER"))
                .allSatisfy(variable -> assertThat(APP.isReadByApp(variable)).as(variable).isTrue());
    }

    @Test
    void madeUpAndMisspeltVariablesAreNot() {
        assertThat(List.of("CHATFORYOU_MEDIA_BAKEND", "CHATFORYOU_TURN_SECRETS", "CHATFORYOU_TURNSECRET",
                "CHATFORYOU_FAVOURITE_COLOUR", "KMS_URI", "SERVER_PROT", "SPRING_SSL_BUNDLES_PEM_X_KEYSTORE_CERTIFICATE",
                "JANUS_URLZ", "CHATFORYOU_MEDIA_POOL_PLACEMNT"))
                .allSatisfy(variable -> assertThat(APP.isReadByApp(variable)).as(variable).isFalse());
    }

    @Test
    void theCheckReportsAMadeUpNameWithWhereItWasSet() {
        List<Setting> settings = List.of(
                new Setting("CHATFORYOU_MEDIA_BACKEND", "deployment.yaml"),
                new Setting("CHATFORYOU_TURN_MDOE", "configmap.yaml"));

        assertThat(APP.notReadByApp(settings)).containsExactly(new Setting("CHATFORYOU_TURN_MDOE", "configmap.yaml"));
    }

    @Test
    void kubernetesManifestsSetOnlyVariablesTheAppReads() {
        List<Setting> settings = kubernetesSettings();

        assertThat(AppSettings.names(settings)).contains("CHATFORYOU_TURN_SECRET", "KMS_URL", "PORT",
                "CHATFORYOU_MEDIA_BACKEND", "CHATFORYOU_TURN_MODE", "CHATFORYOU_TURN_URLS", "JANUS_URL",
                "CHATFORYOU_MEDIA_JANUS_API_SECRET", "CHATFORYOU_MEDIA_JANUS_ROOM_ADMIN_KEY", "JANUS_URLS",
                "CHATFORYOU_MEDIA_POOL_PLACEMENT", "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE");
        assertThat(APP.notReadByApp(settings)).isEmpty();
    }

    @Test
    void composeFileSetsOnlyVariablesTheAppReads() {
        List<Setting> settings = composeSettings();

        assertThat(AppSettings.names(settings)).contains("CHATFORYOU_MEDIA_BACKEND", "KMS_URL",
                "CHATFORYOU_TURN_MODE", "SPRING_CONFIG_IMPORT", "JANUS_URL", "CHATFORYOU_MEDIA_JANUS_ADMIN_URL",
                "JANUS_URLS", "CHATFORYOU_MEDIA_JANUS_ADMIN_URLS");
        assertThat(APP.notReadByApp(settings)).isEmpty();
    }

    @Test
    void dockerfileSetsOnlyVariablesTheAppReads() {
        List<Setting> settings = DeployFiles.dockerfile().runtimeStage().environment().keySet().stream()
                .map(variable -> new Setting(variable, "Dockerfile ENV"))
                .toList();

        assertThat(AppSettings.names(settings)).contains("JAVA_TOOL_OPTIONS", "PORT");
        assertThat(APP.notReadByApp(settings)).isEmpty();
    }

    /** The app container's env entries and the keys of the ConfigMaps it takes with envFrom, in every file. */
    private static List<Setting> kubernetesSettings() {
        List<Setting> settings = new ArrayList<>();
        for (Manifest deployment : DeployFiles.appDeployments()) {
            for (Container container : DeployFiles.appContainers(deployment)) {
                for (EnvVar env : nullToEmpty(container.getEnv())) {
                    settings.add(new Setting(env.getName(), deployment.toString()));
                }
                for (EnvFromSource source : nullToEmpty(container.getEnvFrom())) {
                    assertThat(source.getSecretRef()).as("%s: envFrom a Secret hides which names the app gets; "
                            + "use env with secretKeyRef", deployment).isNull();
                    assertThat(source.getPrefix()).as("envFrom prefix in %s", deployment).isNull();
                    String configMap = source.getConfigMapRef().getName();
                    List<Manifest> maps = DeployFiles.configMaps(configMap);
                    assertThat(maps).as("ConfigMap %s used by %s", configMap, deployment).isNotEmpty();
                    for (Manifest map : maps) {
                        DeployFiles.data(map).keySet().forEach(key -> settings.add(new Setting(key, map.toString())));
                    }
                }
            }
        }
        // Overlay patches of the app's ConfigMap count even when no Deployment patch mentions them.
        for (Manifest map : DeployFiles.configMaps("chatforyou-config")) {
            DeployFiles.data(map).keySet().forEach(key -> settings.add(new Setting(key, map.toString())));
        }
        return List.copyOf(new LinkedHashSet<>(settings));
    }

    private static List<Setting> composeSettings() {
        List<Setting> settings = new ArrayList<>();
        List<String> files = new ArrayList<>(DeployFiles.composeFileNames());
        files.addAll(DeployFiles.composeOverrideNames());
        for (String file : files) {
            JsonNode app = DeployFiles.composeFile(file).path("services").path(DeployFiles.APP_NAME);
            assertThat(app.isObject()).as("%s: compose service %s", file, DeployFiles.APP_NAME).isTrue();
            assertThat(app.has("env_file")).as("env_file would hide which names the app gets").isFalse();
            JsonNode environment = app.path("environment");
            if (environment.isArray()) {
                environment.forEach(entry -> settings.add(new Setting(entry.asText().split("=", 2)[0], file)));
            } else {
                environment.fieldNames().forEachRemaining(name -> settings.add(new Setting(name, file)));
            }
        }
        return settings;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
