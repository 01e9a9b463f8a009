package com.chatforyou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The media benchmark's options: the server's JVM as the image runs it unless told otherwise. */
class MediaBenchOptionsTest {

    @Test
    void theServersJvmGetsTheImagesCompilerOptionFirstAndAnyGivenOptionAfterIt() {
        assertThat(MediaBench.Options.parse(new String[0]).serverJvm()).isEqualTo(MediaBench.IMAGE_COMPILER);
        assertThat(MediaBench.Options.parse(new String[] {"--server-jvm", "-XX:TieredStopAtLevel=4", "--server-jvm",
                "-Xlog:gc"}).serverJvm())
                .as("the JVM takes the last of repeated options, so these override the image's")
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-Xlog:gc");
    }

    @Test
    void theImagesCompilerOptionIsTheOneItsDockerfileSets() throws Exception {
        String dockerfile = Files.readString(Path.of("../deploy/docker/Dockerfile"));
        String toolOptions = dockerfile.lines().filter(line -> line.startsWith("ENV JAVA_TOOL_OPTIONS=")).findFirst()
                .orElseThrow();

        assertThat(MediaBench.IMAGE_COMPILER).allSatisfy(option -> assertThat(toolOptions).contains(option));
    }

    @Test
    void theFakeCamerasRunAtFifteenFramesASecondUnlessTold() {
        assertThat(MediaBench.Options.parse(new String[0]).cameraFps()).isEqualTo(15);
        assertThat(MediaBench.Options.parse(new String[] {"--camera-fps", "30"}).cameraFps()).isEqualTo(30);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MediaBench.Options.parse(new String[] {"--camera-fps", "0"}));
    }

    @Test
    void theJoinerGetsACoreOfItsOwnOnlyWhenAsked() {
        assertThat(MediaBench.Options.parse(new String[0]).joinerCore()).isFalse();
        assertThat(MediaBench.Options.parse(new String[] {"--joiner-core"}).joinerCore()).isTrue();
    }
}
