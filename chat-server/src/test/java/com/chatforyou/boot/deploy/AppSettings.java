package com.chatforyou.boot.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Which environment variables the app reads: every property in Spring's configuration metadata on the
 * classpath (Boot's jars, and chat-server's own, written by spring-boot-configuration-processor), matched
 * the way Boot itself binds the environment (its SystemEnvironmentPropertySource and relaxed names), plus
 * the few variables read outside configuration properties.
 */
final class AppSettings {
    static final String METADATA = "META-INF/spring-configuration-metadata.json";

    /** Variables the app reads that are no configuration property, each with where it is read. */
    static final Map<String, String> READ_OUTSIDE_PROPERTIES = Map.of(
            "PORT", "application.properties: server.port=${PORT:8080}",
            "KMS_URL", "MediaWiring: the Kurento URL when chatforyou.media.kurento.url is unset",
            "JANUS_URL", "MediaWiring: the Janus URL when chatforyou.media.janus.url is unset",
            "KMS_URLS", "MediaServerUrl: the Kurento servers when chatforyou.media.kurento.urls is unset",
            "JANUS_URLS", "MediaServerUrl: the Janus servers when chatforyou.media.janus.urls is unset",
            "JAVA_TOOL_OPTIONS", "the JVM itself: heap sizing and exit on out-of-memory");

    private final Set<ConfigurationPropertyName> properties;
    /** Map-valued properties (spring.ssl.bundle.pem, logging.level…): any key below them binds. */
    private final Set<ConfigurationPropertyName> mapProperties;

    private AppSettings(Set<ConfigurationPropertyName> properties, Set<ConfigurationPropertyName> mapProperties) {
        this.properties = properties;
        this.mapProperties = mapProperties;
    }

    static AppSettings fromClasspathMetadata() {
        Set<ConfigurationPropertyName> properties = new java.util.HashSet<>();
        Set<ConfigurationPropertyName> mapProperties = new java.util.HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL metadata : Collections.list(AppSettings.class.getClassLoader().getResources(METADATA))) {
                try (InputStream in = metadata.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        ConfigurationPropertyName name = ConfigurationPropertyName.of(property.path("name").asText());
                        properties.add(name);
                        if (property.path("type").asText().startsWith("java.util.Map<")) {
                            mapProperties.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AppSettings(Set.copyOf(properties), Set.copyOf(mapProperties));
    }

    int propertyCount() {
        return properties.size();
    }

    boolean hasProperty(String name) {
        return properties.contains(ConfigurationPropertyName.of(name));
    }

    boolean isMapProperty(String name) {
        return mapProperties.contains(ConfigurationPropertyName.of(name));
    }

    /** True when the app would read this variable: Boot binds it to a known property, or it is listed above. */
    boolean isReadByApp(String environmentVariable) {
        if (READ_OUTSIDE_PROPERTIES.containsKey(environmentVariable)) {
            return true;
        }
        ConfigurationPropertySource environment = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(environmentVariable, "value")));
        if (environment == null) {
            return false;
        }
        for (ConfigurationPropertyName property : properties) {
            ConfigurationProperty bound = environment.getConfigurationProperty(property);
            if (bound != null) {
                return true;
            }
        }
        for (ConfigurationPropertyName map : mapProperties) {
            if (environment.containsDescendantOf(map) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    /** A variable name where a deploy file sets it, for failure messages. */
    record Setting(String variable, String origin) {
        @Override
        public String toString() {
            return variable + " (" + origin + ")";
        }
    }

    List<Setting> notReadByApp(List<Setting> settings) {
        List<Setting> unknown = new ArrayList<>();
        for (Setting setting : settings) {
            if (!isReadByApp(setting.variable())) {
                unknown.add(setting);
            }
        }
        return unknown;
    }

    static Set<String> names(List<Setting> settings) {
        Set<String> names = new TreeSet<>();
        settings.forEach(setting -> names.add(setting.variable()));
        return names;
    }
}
