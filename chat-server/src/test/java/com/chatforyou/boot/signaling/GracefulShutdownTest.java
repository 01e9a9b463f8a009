package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.MediaServerEvents;
import com.chatforyou.domain.port.in.ListRoomsUseCase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * Closing the application, as a SIGTERM does: readiness goes DOWN first, every participant gets a
 * {@code server-restarting} event, and every room is closed with its media released, all before the
 * WebSocket sessions close.
 */
class GracefulShutdownTest {

    /** What happened during shutdown, in order, seen from inside the server. */
    static final List<String> TIMELINE = new CopyOnWriteArrayList<>();

    @Test
    void participants_hear_the_server_is_restarting_and_rooms_are_closed_after_readiness_went_down()
            throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ChatForYouApplication.class,
                ShutdownObserver.class).run("--server.port=0", "--chatforyou.rooms.reconnect-grace=0s");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        ListRoomsUseCase lobby = app.getBean(ListRoomsUseCase.class);
        try (SignalingTestClient ann = SignalingTestClient.connect(port);
             SignalingTestClient bob = SignalingTestClient.connect(port)) {
            String roomId = ann.createRoom(uniqueName("Standup"), 4, null);
            ann.join(roomId, "Ann", null, true, true);
            bob.join(roomId, "Bob", null, true, true);
            TIMELINE.clear();

            app.close();

            assertThat(ann.nextOfType("server-restarting").path("roomId").asString()).isEqualTo(roomId);
            assertThat(bob.nextOfType("server-restarting").path("roomId").asString()).isEqualTo(roomId);
            assertThat(lobby.listRooms()).isEmpty();
            assertThat(TIMELINE).containsSubsequence("readiness " + ReadinessState.REFUSING_TRAFFIC,
                    "media released for room " + roomId);
            assertThat(TIMELINE.get(0)).isEqualTo("readiness " + ReadinessState.REFUSING_TRAFFIC);
        } finally {
            app.close();
        }
    }

    /** Records readiness changes and wraps the real media backend to record what it is told to release. */
    static class ShutdownObserver {

        @Bean
        ApplicationListener<AvailabilityChangeEvent<ReadinessState>> readinessRecorder() {
            return event -> TIMELINE.add("readiness " + event.getState());
        }

        @Bean
        static BeanPostProcessor recordMediaReleases() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof MediaPort media ? new RecordingMediaPort(media) : bean;
                }
            };
        }
    }

    /** The real backend, with its room releases written to the timeline. */
    record RecordingMediaPort(MediaPort real) implements MediaPort {
        @Override
        public String backendName() {
            return real.backendName();
        }

        @Override
        public CapacityLimits capacityLimits() {
            return real.capacityLimits();
        }

        @Override
        public boolean renegotiatesLinks() {
            return real.renegotiatesLinks();
        }

        @Override
        public void attach(MediaServerEvents events) {
            real.attach(events);
        }

        @Override
        public List<LinkPlan> planLinks(RoomId room, Participant newcomer, List<Participant> present) {
            return real.planLinks(room, newcomer, present);
        }

        @Override
        public void linksOpened(RoomId room, List<MediaLink> links) {
            real.linksOpened(room, links);
        }

        @Override
        public void signalToMediaServer(MediaLink link, ParticipantId from, MediaSignal signal) {
            real.signalToMediaServer(link, from, signal);
        }

        @Override
        public void linksClosed(RoomId room, List<MediaLink> links) {
            real.linksClosed(room, links);
        }

        @Override
        public void roomClosed(RoomId room) {
            TIMELINE.add("media released for room " + room.value());
            real.roomClosed(room);
        }
    }
}
