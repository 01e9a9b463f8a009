package com.chatforyou.boot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The compose stack gives the app its TURN secret as a file, /run/secrets/chatforyou.turn.secret, imported
 * with the compose file's own SPRING_CONFIG_IMPORT value. The file is written by `openssl rand -hex 32 >`,
 * so it ends with a newline, which the app's TurnSecret would refuse: the import must drop it.
 */
class ComposeSecretImportTest {

    @Test
    void composeSecretFileBecomesTheTurnSecretWithoutItsNewline(@TempDir Path secrets) throws Exception {
        Files.writeString(secrets.resolve("chatforyou.turn.secret"), "0123456789abcdef0123456789abcdef\n");
        String composeImport = DeployFiles.composeFile().path("services").path(DeployFiles.APP_NAME)
                .path("environment").path("SPRING_CONFIG_IMPORT").asText();
        assertThat(composeImport).isEqualTo("configtree:/run/secrets/");

        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("compose", Map.of(
                "spring.config.import", composeImport.replace("/run/secrets/", secrets.toAbsolutePath() + "/"))));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);

        assertThat(environment.getProperty("chatforyou.turn.secret")).isEqualTo("0123456789abcdef0123456789abcdef");
    }
}
