package com.chatforyou.adapter.media.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.RecordingMediaServerEvents;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.DisplayName;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The four ways a real Janus fails, each against the adapter alone (this test plays the domain):
 * down at start, killed and started again, accepting connections but answering nothing, and a session
 * Janus timed out. The {@code @Timeout} only stops a hanging build; nothing here measures speed.
 */
@Tag("janus")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.DisplayName("Janus adapter when Janus is down, killed, frozen or times the session out (real Janus)")
class JanusOutageTest {
    private final RecordingMediaServerEvents events = new RecordingMediaServerEvents();
    private int links;

    @Test
    void janus_down_at_start_refuses_media_with_a_reason_and_serves_once_it_is_up() {
        try (JanusProcess janus = JanusProcess.create(); JanusMediaAdapter adapter = attached(janus.settings())) {
            JanusStatus down = Polling.awaitValue("the failed connection reported", adapter::status,
                    status -> status.detail() != null && status.detail().contains("not reachable"));
            assertThat(down.up()).isFalse();
            assertThatThrownBy(() -> join(adapter, new RoomId("r1"), "ann", List.of()))
                    .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_UNAVAILABLE));

            janus.start();
            Polling.awaitTrue("the adapter to connect", () -> adapter.status().up());
            assertThat(join(adapter, new RoomId("r1"), "ann", List.of())).isNotEmpty();
        }
    }

    @Test
    void janus_killed_and_started_again_resets_every_room_once_lost_and_once_back() throws Exception {
        try (JanusProcess janus = JanusProcess.running(); JanusMediaAdapter adapter = attached(janus.settings())) {
            Polling.awaitTrue("the adapter to connect", () -> adapter.status().up());
            RoomId room = new RoomId("r1");
            Participant ann = participant("ann");
            join(adapter, room, ann, List.of());
            long firstSession = adapter.status().sessionId();
            assertThat(janus.admin().census().rooms()).isEqualTo(1);

            janus.kill();
            Polling.awaitTrue("the room reset when Janus died", () -> events.resets().size() == 1);
            assertThat(adapter.status().up()).isFalse();
            assertThatThrownBy(() -> adapter.planLinks(room, participant("bob"), List.of(ann)))
                    .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_UNAVAILABLE));

            janus.start();
            Polling.awaitTrue("the room reset again once Janus is back", () -> events.resets().size() == 2);
            assertThat(events.resets()).containsOnly(room);
            assertThat(adapter.status().sessionId()).isNotEqualTo(firstSession);
            // What the domain does on a reset: plan the room's links afresh, in a new videoroom.
            join(adapter, room, ann, List.of());
            assertThat(janus.admin().census().rooms()).isEqualTo(1);
        }
    }

    @Test
    void janus_that_answers_nothing_bounds_every_join_and_recovers_when_it_answers_again() throws Exception {
        try (JanusProcess janus = JanusProcess.running();
             JanusMediaAdapter adapter = attached(janus.settings().withTimeouts(Duration.ofMillis(800),
                     Duration.ofMillis(700), Duration.ofMillis(1500)))) {
            Polling.awaitTrue("the adapter to connect", () -> adapter.status().up());

            janus.freeze();
            assertThatThrownBy(() -> join(adapter, new RoomId("r1"), "ann", List.of()))
                    .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_UNAVAILABLE));
            Polling.awaitTrue("health to say Janus does not answer",
                    () -> !adapter.status().up() && String.valueOf(adapter.status().detail()).contains("did not answer"));

            janus.thaw();
            Polling.awaitValue("a join to succeed once Janus answers", () -> {
                try {
                    return join(adapter, new RoomId("r2"), "bob", List.of());
                } catch (ChatException e) {
                    return List.<MediaLink>of();
                }
            }, opened -> !opened.isEmpty());
            Polling.awaitTrue("health UP again", () -> adapter.status().up());
        }
    }

    @Test
    void janus_frozen_before_the_app_connects_cannot_hold_the_connection_attempt() {
        try (JanusProcess janus = JanusProcess.running();
             JanusMediaAdapter adapter = new JanusMediaAdapter(janus.settings().withTimeouts(Duration.ofMillis(500),
                     Duration.ofMillis(700), Duration.ofMillis(1500)))) {
            janus.freeze();
            adapter.attach(events);
            JanusStatus silent = Polling.awaitValue("the silent server reported", adapter::status,
                    status -> status.detail() != null && status.detail().contains("no answer"));
            assertThat(silent.up()).isFalse();
            assertThatThrownBy(() -> join(adapter, new RoomId("r1"), "ann", List.of()))
                    .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_UNAVAILABLE));
            janus.thaw();
            Polling.awaitTrue("the adapter to connect once Janus answers", () -> adapter.status().up());
        }
    }

    @Test
    void a_session_janus_timed_out_is_created_anew_and_its_rooms_are_reset() {
        try (JanusProcess janus = JanusProcess.runningWithSessionTimeout(3);
             JanusMediaAdapter adapter = attached(janus.settings().withKeepalive(Duration.ofSeconds(120)))) {
            Polling.awaitTrue("the adapter to connect", () -> adapter.status().up());
            long first = adapter.status().sessionId();
            join(adapter, new RoomId("r1"), "ann", List.of());

            Polling.awaitTrue("a new session after Janus timed the first out",
                    () -> adapter.status().up() && adapter.status().sessionId() != first);
            Polling.awaitTrue("the room reset", () -> events.resets().contains(new RoomId("r1")));
        }
    }

    private JanusMediaAdapter attached(JanusSettings settings) {
        JanusMediaAdapter adapter = new JanusMediaAdapter(settings);
        adapter.attach(events);
        return adapter;
    }

    private List<MediaLink> join(JanusMediaAdapter adapter, RoomId room, String name, List<Participant> present) {
        return join(adapter, room, participant(name), present);
    }

    private List<MediaLink> join(JanusMediaAdapter adapter, RoomId room, Participant newcomer, List<Participant> present) {
        List<MediaLink> opened = new ArrayList<>();
        for (LinkPlan plan : adapter.planLinks(room, newcomer, present)) {
            opened.add(new MediaLink(new LinkId("l" + links++), room, plan.publisher(), plan.offerer(), plan.answerer()));
        }
        adapter.linksOpened(room, opened);
        return opened;
    }

    private static Participant participant(String name) {
        return new Participant(new ParticipantId("p-" + name), new DisplayName(name), MediaCapabilities.AUDIO_VIDEO,
                MediaState.UNMUTED, new ConnectionId("c-" + name), Instant.EPOCH);
    }
}
