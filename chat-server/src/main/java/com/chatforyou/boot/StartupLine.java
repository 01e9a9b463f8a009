package com.chatforyou.boot;

import com.chatforyou.adapter.turn.ConfiguredIceServers;
import com.chatforyou.adapter.turn.TurnConfiguration;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * One INFO line as soon as the settings are read and logging is up, before any bean is created: the
 * media backend, the KMS or Janus URL (without user or password), the TURN mode, the memory limits the JVM
 * sees and the participant cap they lead to (with a warning when a configured cap is more than the heap holds).
 * A server that dies while starting (e.g. killed for memory on a small node) has logged it.
 * Registered in META-INF/spring.factories; never logs a secret.
 */
class StartupLine implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    private static final long MIB = 1024 * 1024;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Logger log = LoggerFactory.getLogger(StartupLine.class);
        log.info(describe(event.getEnvironment()));
        capacityWarning(event.getEnvironment()).ifPresent(log::warn);
        descriptorWarning(event.getEnvironment()).ifPresent(log::warn);
    }

    /**
     * When Tomcat may accept more connections than this process may open files: the connections past the
     * limit would fail with "Too many open files" instead of being refused with the cap's 503. A derived cap
     * stays within the limit (SignalingWiring), so this is about configured ones.
     */
    static Optional<String> descriptorWarning(int tomcatConnections, long maxFileDescriptors) {
        if (maxFileDescriptors <= 0 || tomcatConnections + (long) OpenFiles.BESIDES_CONNECTIONS <= maxFileDescriptors) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "Tomcat accepts %d connections (%s), but this process may open only %d files (ulimit -n), about %d "
                        + "of them for connections: past that, connections fail with \"Too many open files\" "
                        + "instead of the cap's 503. Raise the open-files limit (ulimit -n, systemd LimitNOFILE, "
                        + "the container's nofile ulimit) to at least %d, or lower "
                        + "chatforyou.limits.websocket.max-connections",
                tomcatConnections, TomcatConnectionLimit.PROPERTY, maxFileDescriptors,
                Math.max(0, maxFileDescriptors - OpenFiles.BESIDES_CONNECTIONS),
                tomcatConnections + (long) OpenFiles.BESIDES_CONNECTIONS));
    }

    private static Optional<String> descriptorWarning(ConfigurableEnvironment environment) {
        try {
            return Binder.get(environment).bind(TomcatConnectionLimit.PROPERTY, Integer.class)
                    .map(tomcat -> descriptorWarning(tomcat, OpenFiles.limit()))
                    .orElse(Optional.empty());
        } catch (RuntimeException unusable) {
            return Optional.empty();
        }
    }

    /** When the participant cap is more than the heap holds. */
    static Optional<String> capacityWarning(ConfigurableEnvironment environment) {
        try {
            return capacity(environment).warning(configuredMaxParticipants(environment));
        } catch (RuntimeException unusable) {
            return Optional.empty();
        }
    }

    private static ParticipantCapacity capacity(ConfigurableEnvironment environment) {
        int maxRooms = Binder.get(environment).bind("chatforyou.rooms.max-rooms", Integer.class).orElse(100);
        return ParticipantCapacity.ofThisJvm(maxRooms);
    }

    private static Integer configuredMaxParticipants(ConfigurableEnvironment environment) {
        return Binder.get(environment).bind("chatforyou.rooms.max-participants", Integer.class).orElse(null);
    }

    static String describe(ConfigurableEnvironment environment) {
        String backend = environment.getProperty(MediaWiring.BACKEND_PROPERTY, "mesh");
        StringBuilder line = new StringBuilder("ChatForYou starting: media backend ").append(backend);
        if (backend.equals("kurento")) {
            line.append(" (KMS ").append(servers(environment, MediaServerUrl.KURENTO)).append(')');
        } else if (backend.equals("janus")) {
            line.append(" (Janus ").append(servers(environment, MediaServerUrl.JANUS)).append(')');
        }
        line.append(", TURN mode ").append(turnMode(environment));
        Runtime runtime = Runtime.getRuntime();
        line.append(", memory seen: max heap ").append(mebibytes(runtime.maxMemory()))
                .append(", ").append(runtime.availableProcessors()).append(" processors");
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean memory) {
            line.append(", total memory ").append(mebibytes(memory.getTotalMemorySize()))
                    .append(" (the container limit, or the machine's RAM outside a container)");
        }
        try {
            ParticipantCapacity capacity = capacity(environment);
            Integer configured = configuredMaxParticipants(environment);
            line.append(", ").append(capacity.describe(configured)).append(", max connections ")
                    .append(SignalingWiring.webSocketLimits(environment).maxConnections());
            Binder.get(environment).bind(TomcatConnectionLimit.PROPERTY, Integer.class)
                    .ifBound(tomcat -> line.append(" (Tomcat accepts ").append(tomcat).append(')'));
            long openFiles = OpenFiles.limit();
            if (SignalingWiring.limits(environment).websocket().maxConnections() == null
                    && ParticipantCapacity.connections(capacity.cap(configured)) > OpenFiles.connectionsAllowed(openFiles)) {
                line.append(", connections held to the open-files limit of ").append(openFiles);
            }
        } catch (RuntimeException unusable) {
            line.append(", max participants not usable (the start-up failure below says why)");
        }
        return line.toString();
    }

    /** The media servers' URLs, without user or password, comma-separated. */
    private static String servers(ConfigurableEnvironment environment, MediaServerUrl url) {
        List<String> listed = Binder.get(environment).bind(url.listProperty(), Bindable.listOf(String.class))
                .orElse(List.of());
        return String.join(", ", url.configuredList(environment, listed).stream().map(MediaServerUrl::withoutSecrets)
                .toList());
    }

    /** The mode the ICE wiring will use, inferred the same way; a bad setting is reported when that bean starts. */
    private static String turnMode(ConfigurableEnvironment environment) {
        try {
            Binder binder = Binder.get(environment);
            TurnProperties turn = binder.bindOrCreate("chatforyou.turn", TurnProperties.class);
            TurnServerProperties legacy = binder.bindOrCreate("turn.server", TurnServerProperties.class);
            List<String> stunUrls = binder.bind("chatforyou.ice.stun-urls", Bindable.listOf(String.class))
                    .orElse(List.of());
            return ConfiguredIceServers.from(new TurnConfiguration(turn.mode(), stunUrls, legacy.urls(),
                    legacy.username(), legacy.credential(), turn.urls(), turn.secret(), turn.ttl()), Instant::now)
                    .mode().propertyValue();
        } catch (RuntimeException e) {
            return "not usable (the start-up failure below says why)";
        }
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%d MiB", bytes / MIB);
    }

    /** After Spring Boot's logging set-up, so the line goes where the operator configured logs to go. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
