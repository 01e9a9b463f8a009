package com.chatforyou.boot.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.PropertyPlaceholderHelper;

/** The port the app listens on for a given PORT variable, resolved from the app's own application.properties. */
final class ServerPort {
    private ServerPort() {
    }

    /** @param port the PORT variable's value, or null when unset */
    static int forPortVariable(String port) {
        try {
            Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
            String serverPort = properties.getProperty("server.port", "8080");
            Map<String, String> environment = port == null ? Map.of() : Map.of("PORT", port);
            String resolved = new PropertyPlaceholderHelper("${", "}", ":", '\\', true)
                    .replacePlaceholders(serverPort, environment::get);
            return Integer.parseInt(resolved.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
