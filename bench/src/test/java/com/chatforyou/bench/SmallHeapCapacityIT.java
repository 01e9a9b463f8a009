package com.chatforyou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server never runs out of memory below its own limits: started as the image starts it, with the
 * container's flags scaled down to a 256 MiB limit, and no participant cap configured, it derives its cap from
 * the heap, holds that many participants in rooms with open media links and full chat histories, refuses the
 * next join with {@code server-full}, and still answers. Room cap raised to 80 so that the participant cap,
 * not the room cap, is what the fill reaches; the per-address quotas lifted, as every member of the fill
 * connects from 127.0.0.1 (what is checked is memory, not what one address may open). Nothing here is timed.
 */
class SmallHeapCapacityIT {
    /** The Dockerfile's JAVA_TOOL_OPTIONS with a 256 MiB limit; SerialGC, as the JVM picks in such a container. */
    static final List<String> SMALL_CONTAINER = List.of("-XX:MaxRAM=256m", "-XX:MaxRAMPercentage=60.0",
            "-XX:InitialRAMPercentage=25.0", "-XX:+ExitOnOutOfMemoryError", "-XX:ActiveProcessorCount=2",
            "-XX:+UseSerialGC");
    private static final Pattern DERIVED_CAP = Pattern.compile("max participants (\\d+) \\(derived from the max heap");

    @Test
    void aSmallHeapHoldsItsDerivedCapRefusesTheNextJoinWithServerFullAndKeepsAnswering() throws Exception {
        Path output = Path.of(System.getProperty("chatforyou.bench.output-dir", "target/smoke"));
        Path jar = Path.of(System.getProperty("chatforyou.bench.server-jar",
                "../chat-server/target/chat-server-0.1.0-SNAPSHOT.jar"));
        Map<String, String> properties = Map.of("chatforyou.rooms.max-rooms", "80",
                "chatforyou.internet.quotas.connections-per-address", "100000",
                "chatforyou.internet.quotas.rooms-per-address-per-hour", "100000",
                "chatforyou.internet.quotas.unjoined-rooms-per-address", "100000");
        try (ServerProcess server = ServerProcess.start(jar.toAbsolutePath(), SMALL_CONTAINER, properties,
                output.resolve("small-heap-server.log"))) {
            String log = Files.readString(server.log());
            Matcher derived = DERIVED_CAP.matcher(log);
            assertThat(derived.find()).as("start-up line with a derived cap in %s", log).isTrue();
            int cap = Integer.parseInt(derived.group(1));
            assertThat(cap).as("participants a 153 MiB heap holds").isBetween(100, 1000);
            assertThat(log).doesNotContain(" WARN ");

            CapacityFill.Result result = new CapacityFill(java.net.URI.create("http://127.0.0.1:" + server.port()))
                    .run(cap + CapacityFill.ROOM_SIZE);

            assertThat(result.problems()).isEmpty();
            assertThat(result.joined()).isEqualTo(cap);
            assertThat(result.refusal()).isEqualTo("server-full");
            assertThat(result.alive()).isTrue();
            assertThat(server.isAlive()).isTrue();
            assertThat(Files.readString(server.log())).doesNotContain("java.lang.OutOfMemoryError").doesNotContain(" ERROR ");
        }
    }
}
