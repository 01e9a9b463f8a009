package com.chatforyou.boot.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every environment variable in docs/operations.md's settings table reaches the property it is listed
 * with, by Spring Boot's own mapping (dots to underscores, dashes dropped): a misspelt name in the docs
 * would be silently ignored by a real deployment.
 */
class DocumentedEnvironmentVariablesTest {
    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");
    /** A table row whose first two cells are one `VARIABLE` and one `property`. */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| `([a-z0-9.\\-]+)`", Pattern.MULTILINE);
    /** Names the server reads itself (application.properties, MediaServerUrl) rather than through the mapping. */
    private static final Map<String, String> OWN_NAMES = Map.of("PORT", "server.port", "KMS_URL", "chatforyou.media.kurento.url",
            "JANUS_URL", "chatforyou.media.janus.url", "KMS_URLS", "chatforyou.media.kurento.urls",
            "JANUS_URLS", "chatforyou.media.janus.urls");

    @Test
    void every_documented_variable_sets_its_property() throws IOException {
        Matcher rows = ROW.matcher(Files.readString(OPERATIONS));
        List<String> checked = new ArrayList<>();
        while (rows.find()) {
            String variable = rows.group(1);
            String property = rows.group(2);
            if (OWN_NAMES.containsKey(variable)) {
                assertThat(property).isEqualTo(OWN_NAMES.get(variable));
                continue;
            }
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                    "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    Map.of(variable, "value-of-" + variable)));
            ConfigurationPropertySources.attach(environment);

            assertThat(environment.getProperty(property)).as(variable + " -> " + property)
                    .isEqualTo("value-of-" + variable);
            checked.add(variable);
        }
        assertThat(checked).contains("CHATFORYOU_MEDIA_BACKEND", "CHATFORYOU_TURN_SECRET", "CHATFORYOU_ROOMS_MAXROOMS",
                "SERVER_SSL_BUNDLE", "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE").hasSizeGreaterThan(15);
    }
}
