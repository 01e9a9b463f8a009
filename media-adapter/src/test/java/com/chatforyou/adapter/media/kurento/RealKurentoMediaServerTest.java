package com.chatforyou.adapter.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.RecordingMediaServerEvents;
import com.chatforyou.adapter.media.SampleOffers;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.DisplayName;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.SessionDescription;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kurento.client.KurentoClient;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The adapter against a real Kurento Media Server in Docker: KMS parses browser-shaped offers,
 * answers them, gathers real candidates, and keeps no pipeline after the room closes. No browser
 * and no media here, so it still proves negotiation, not video. Skipped where Docker is missing.
 * The image can be changed with {@code -Dkms.image=...}.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealKurentoMediaServerTest {

    @Container
    private static final GenericContainer<?> KMS = RealKms.container();

    @Test
    void a_publisher_and_a_viewer_negotiate_with_real_kms_and_nothing_is_left_after_the_room_closes() {
        String url = RealKms.url(KMS);
        RecordingMediaServerEvents events = new RecordingMediaServerEvents();
        RoomId room = new RoomId("real-kms");
        try (KurentoMediaAdapter adapter = new KurentoMediaAdapter(new KurentoSettings(URI.create(url),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofMillis(200),
                Duration.ofSeconds(2)))) {
            adapter.attach(events);
            Polling.awaitTrue("a connection to KMS", () -> adapter.status().up());

            Participant ann = participant("ann", MediaCapabilities.AUDIO_VIDEO);
            Participant bob = participant("bob", MediaCapabilities.RECEIVE_ONLY);
            List<MediaLink> links = new ArrayList<>(open(adapter, room, ann, List.of()));
            links.addAll(open(adapter, room, bob, List.of(ann)));
            assertThat(links).hasSize(2);

            for (MediaLink link : links) {
                ParticipantId end = link.offerer().is(ann.id()) ? ann.id() : bob.id();
                String offer = end.equals(link.publisher()) ? SampleOffers.publishesAudioAndVideo()
                        : SampleOffers.receivesAudioAndVideo();
                adapter.signalToMediaServer(link, end, new SessionDescription(SessionDescription.Type.OFFER, offer));
                List<MediaSignal> said = Polling.awaitValue("KMS's answer and a candidate on " + link.id(),
                        () -> events.signalsOn(link.id()), signals -> signals.size() >= 2);
                assertThat(said.get(0)).isInstanceOfSatisfying(SessionDescription.class, answer -> {
                    assertThat(answer.type()).isEqualTo(SessionDescription.Type.ANSWER);
                    assertThat(SampleOffers.mediaSections(answer.sdp())).isEqualTo(SampleOffers.mediaSections(offer));
                });
                assertThat(said.get(1)).isInstanceOf(IceCandidate.class);
            }

            adapter.linksClosed(room, links);
            adapter.roomClosed(room);
            KurentoClient observer = KurentoClient.create(url);
            try {
                Polling.awaitTrue("no pipeline left in KMS",
                        () -> observer.getServerManager().getPipelines().isEmpty());
            } finally {
                observer.destroy();
            }
        }
    }

    private static Participant participant(String name, MediaCapabilities capabilities) {
        return new Participant(new ParticipantId("p-" + name), new DisplayName(name), capabilities,
                MediaState.UNMUTED, new ConnectionId("c-" + name), Instant.EPOCH);
    }

    private static List<MediaLink> open(KurentoMediaAdapter adapter, RoomId room, Participant newcomer,
                                        List<Participant> present) {
        List<MediaLink> links = new ArrayList<>();
        for (LinkPlan plan : adapter.planLinks(room, newcomer, present)) {
            links.add(new MediaLink(new LinkId(newcomer.displayName().value() + "-" + links.size()), room,
                    plan.publisher(), plan.offerer(), plan.answerer()));
        }
        adapter.linksOpened(room, links);
        return links;
    }
}
