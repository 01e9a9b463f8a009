package com.chatforyou.adapter.media.kurento;

import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** The real Kurento Media Server image for Testcontainers tests; {@code -Dkms.image=...} picks another tag. */
public final class RealKms {
    private static final int JSON_RPC_PORT = 8888;

    private RealKms() {
    }

    public static GenericContainer<?> container() {
        return new GenericContainer<>(
                DockerImageName.parse(System.getProperty("kms.image", "kurento/kurento-media-server:7.3.0")))
                .withExposedPorts(JSON_RPC_PORT)
                .waitingFor(Wait.forListeningPort())
                .withStartupTimeout(Duration.ofMinutes(2));
    }

    /** KMS's JSON-RPC WebSocket address as published by a started container. */
    public static String url(GenericContainer<?> kms) {
        return "ws://" + kms.getHost() + ":" + kms.getMappedPort(JSON_RPC_PORT) + "/kurento";
    }
}
