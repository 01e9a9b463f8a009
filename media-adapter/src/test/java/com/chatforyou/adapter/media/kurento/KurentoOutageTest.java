package com.chatforyou.adapter.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.RecordingMediaServerEvents;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the Kurento adapter behaves when KMS is away, hangs or restarts, against the stand-in (which
 * moves no media). The {@code @Timeout}s only stop a hanging build; no test asserts a duration.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.DisplayName("Kurento adapter outages, on the KMS stand-in, which moves no media")
class KurentoOutageTest {

    private final RecordingMediaServerEvents events = new RecordingMediaServerEvents();
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private int nextLink;

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void with_kms_down_at_start_joins_are_refused_as_media_unavailable_until_it_comes_up() {
        KmsStandIn kms = closeLater(KmsStandIn.create());
        KurentoMediaAdapter adapter = attached(StandInSettings.patient(kms));

        Polling.awaitTrue("the first connection attempt to fail", () -> adapter.status().detail() != null
                && adapter.status().detail().contains("not reachable"));
        assertThat(adapter.status().up()).isFalse();
        assertThatThrownBy(() -> join(adapter, new RoomId("r1"), "ann"))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_UNAVAILABLE));
        assertThat(kms.liveObjects()).isZero();

        kms.start();

        Polling.awaitValue("the adapter to connect", adapter::status, KmsStatus::up);
        join(adapter, new RoomId("r1"), "ann");
        assertThat(kms.liveObjects("WebRtcEndpoint")).isEqualTo(1);
    }

    @Test
    void a_server_that_accepts_connections_but_never_answers_is_down_and_joins_are_refused() {
        KmsStandIn kms = closeLater(KmsStandIn.acceptingButNeverAnswering());
        KurentoMediaAdapter adapter = attached(StandInSettings.impatient(kms));

        Polling.awaitTrue("the probe to give up", () -> adapter.status().detail() != null
                && adapter.status().detail().contains("no answer"));
        assertThat(adapter.status().up()).isFalse();
        assertThatThrownBy(() -> join(adapter, new RoomId("r1"), "ann"))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_UNAVAILABLE));
    }

    @Test
    void when_kms_stops_answering_a_join_is_refused_once_the_operation_times_out_and_service_resumes_after() {
        KmsStandIn kms = closeLater(KmsStandIn.running());
        KurentoMediaAdapter adapter = attached(StandInSettings.impatient(kms));
        Polling.awaitValue("the adapter to connect", adapter::status, KmsStatus::up);

        kms.silence(true);

        assertThatThrownBy(() -> join(adapter, new RoomId("r1"), "ann"))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_UNAVAILABLE));
        assertThat(adapter.status().up()).as("health while KMS hangs").isFalse();

        kms.silence(false);

        Polling.awaitValue("a join to succeed again", () -> {
            try {
                join(adapter, new RoomId("r2"), "bob");
                return true;
            } catch (ChatException e) {
                return false;
            }
        }, joined -> joined);
        assertThat(adapter.status().up()).isTrue();
    }

    @Test
    void a_restarted_kms_with_a_new_session_makes_the_adapter_reset_rooms_that_had_media() {
        KmsStandIn kms = closeLater(KmsStandIn.running());
        KurentoMediaAdapter adapter = attached(StandInSettings.patient(kms));
        Polling.awaitValue("the adapter to connect", adapter::status, KmsStatus::up);
        RoomId withMedia = new RoomId("with-media");
        List<MediaLink> links = new ArrayList<>(join(adapter, withMedia, "ann"));
        links.addAll(join(adapter, withMedia, "bob"));
        String before = adapter.status().sessionId();

        kms.restart();

        Polling.awaitValue("a media reset", events::resets, resets -> resets.contains(withMedia));
        assertThat(adapter.status().up()).isTrue();
        assertThat(adapter.status().sessionId()).isNotEqualTo(before);
        assertThat(events.resets()).containsExactly(withMedia);
        // The domain now closes the old links (nothing is left to release) and plans new ones.
        adapter.linksClosed(withMedia, links);
        rooms.get(withMedia).clear();
        join(adapter, withMedia, "ann");
        join(adapter, withMedia, "bob");
        Polling.awaitValue("only the new objects", kms::liveObjectIds, ids -> ids.size() == 1 + 4);
    }

    @Test
    void a_dropped_connection_that_resumes_its_session_keeps_media_and_catches_up_on_releases() {
        KmsStandIn kms = closeLater(KmsStandIn.running());
        KurentoMediaAdapter adapter = attached(StandInSettings.patient(kms));
        Polling.awaitValue("the adapter to connect", adapter::status, KmsStatus::up);
        RoomId room = new RoomId("r1");
        join(adapter, room, "ann");
        List<MediaLink> bobs = join(adapter, room, "bob");
        String session = adapter.status().sessionId();

        kms.dropConnections();
        adapter.linksClosed(room, bobs);

        Polling.awaitTrue("bob's endpoints released", () -> kms.liveObjects() == 1 + 1);
        Polling.awaitTrue("the adapter to reconnect", () -> adapter.status().up());
        assertThat(adapter.status().sessionId()).isEqualTo(session);
        assertThat(events.resets()).isEmpty();
    }

    @Test
    void a_session_that_resumes_without_its_objects_makes_the_adapter_reset_the_rooms_whose_pipeline_is_gone() {
        KmsStandIn kms = closeLater(KmsStandIn.running());
        KurentoMediaAdapter adapter = attached(StandInSettings.patient(kms));
        Polling.awaitValue("the adapter to connect", adapter::status, KmsStatus::up);
        RoomId room = new RoomId("r1");
        join(adapter, room, "ann");
        String session = adapter.status().sessionId();

        kms.restartKeepingSessionIds();

        Polling.awaitValue("a media reset", events::resets, resets -> resets.contains(room));
        assertThat(adapter.status().sessionId()).isEqualTo(session);
    }

    private KurentoMediaAdapter attached(KurentoSettings settings) {
        KurentoMediaAdapter adapter = new KurentoMediaAdapter(settings);
        cleanup.add(adapter);
        adapter.attach(events);
        return adapter;
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        cleanup.add(closeable);
        return closeable;
    }

    /** Joins a publisher to a room whose present participants are those joined before. */
    private final java.util.Map<RoomId, List<Participant>> rooms = new java.util.HashMap<>();

    private List<MediaLink> join(KurentoMediaAdapter adapter, RoomId room, String name) {
        List<Participant> present = rooms.computeIfAbsent(room, r -> new ArrayList<>());
        Participant newcomer = new Participant(new ParticipantId("p-" + name), new DisplayName(name),
                MediaCapabilities.AUDIO_VIDEO, MediaState.UNMUTED, new ConnectionId("c-" + name), Instant.EPOCH);
        present.removeIf(p -> p.id().equals(newcomer.id()));
        List<MediaLink> links = new ArrayList<>();
        for (LinkPlan plan : adapter.planLinks(room, newcomer, List.copyOf(present))) {
            links.add(new MediaLink(new LinkId("l" + nextLink++), room, plan.publisher(), plan.offerer(), plan.answerer()));
        }
        adapter.linksOpened(room, links);
        present.add(newcomer);
        return links;
    }
}
