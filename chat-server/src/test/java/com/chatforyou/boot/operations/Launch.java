package com.chatforyou.boot.operations;

import com.chatforyou.boot.ChatForYouApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Starts the whole server on a free port with settings given as environment variables, as a container would. */
final class Launch {

    private Launch() {
    }

    /**
     * PORT=0 (a free port) unless the test names a port. The source is named like the real environment so
     * Spring Boot maps names the same way, e.g. SPRING_SSL_BUNDLE_PEM_WEB_KEYSTORE_PRIVATEKEY into a map.
     */
    static SpringApplicationBuilder withEnvironmentVariables(Map<String, Object> variables) {
        Map<String, Object> withPort = new HashMap<>(variables);
        withPort.putIfAbsent("PORT", "0");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, withPort));
        return new SpringApplicationBuilder(ChatForYouApplication.class).environment(environment);
    }

    static ConfigurableApplicationContext start(Map<String, Object> variables) {
        return withEnvironmentVariables(variables).run();
    }
}
