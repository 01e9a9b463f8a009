package com.chatforyou.adapter.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.MediaServerLinkContract;
import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.SampleOffers;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn.Connection;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.SessionDescription;
import com.chatforyou.domain.port.out.MediaPort;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Kurento adapter against the KMS stand-in, which speaks KMS's protocol but moves no media:
 * these tests prove topology, protocol and object lifecycle, not video.
 */
@DisplayName("Kurento adapter against the KMS stand-in, which moves no media")
class KurentoMediaAdapterTest extends MediaServerLinkContract {

    private final KmsStandIn kms = KmsStandIn.running();
    private KurentoMediaAdapter adapter;

    @Override
    protected MediaPort createAdapter() {
        adapter = new KurentoMediaAdapter(StandInSettings.patient(kms));
        return adapter;
    }

    @Override
    protected void awaitReady() {
        Polling.awaitValue("the adapter to connect to the stand-in", () -> adapter.status(), KmsStatus::up);
    }

    @AfterEach
    void stopTheStandIn() {
        adapter.close();
        kms.close();
    }

    @Test
    void publishers_offer_up_to_the_server_and_viewers_offer_a_receiving_link_per_publisher() {
        Participant ann = join("ann", MediaCapabilities.AUDIO_VIDEO);
        Participant bob = join("bob", MediaCapabilities.AUDIO_ONLY);
        Participant cid = join("cid", MediaCapabilities.RECEIVE_ONLY);

        assertThat(openLinks()).allSatisfy(link -> {
            assertThat(link.answerer()).isEqualTo(LinkEnd.mediaServer());
            assertThat(link.offerer()).isInstanceOf(LinkEnd.OfParticipant.class);
        });
        assertThat(openLinks()).extracting(link -> participantEnd(link).value() + "<-" + link.publisher().value())
                .containsExactlyInAnyOrder(
                        "p-ann<-p-ann", "p-bob<-p-bob",
                        "p-bob<-p-ann", "p-ann<-p-bob",
                        "p-cid<-p-ann", "p-cid<-p-bob");
        assertThat(ann.id()).isNotEqualTo(bob.id()).isNotEqualTo(cid.id());
    }

    @Test
    void rooms_default_to_twelve_seats_and_allow_at_most_sixteen() {
        assertThat(media.capacityLimits().defaultCapacity()).isEqualTo(12);
        assertThat(media.capacityLimits().maximum()).isEqualTo(16);
        assertThat(media.backendName()).isEqualTo("kurento");
    }

    @Test
    void the_pipeline_is_created_on_the_first_join_and_not_before() {
        assertThat(kms.liveObjects()).isZero();

        join("cid", MediaCapabilities.RECEIVE_ONLY);

        assertThat(kms.liveObjects("MediaPipeline")).isEqualTo(1);
        assertThat(kms.liveObjects("WebRtcEndpoint")).isZero();
    }

    @Test
    void every_link_gets_its_own_endpoint_fed_from_its_publishers_endpoint() {
        join("ann", MediaCapabilities.AUDIO_VIDEO);
        join("bob", MediaCapabilities.AUDIO_VIDEO);
        join("cid", MediaCapabilities.RECEIVE_ONLY);

        assertThat(kms.liveObjects("MediaPipeline")).isEqualTo(1);
        assertThat(kms.liveObjects("WebRtcEndpoint")).isEqualTo(openLinks().size()).isEqualTo(6);
        Set<String> sources = kms.mediaConnections().stream().map(Connection::source).collect(Collectors.toSet());
        Set<String> sinks = kms.mediaConnections().stream().map(Connection::sink).collect(Collectors.toSet());
        assertThat(sources).as("the two publishing endpoints").hasSize(2).doesNotContainAnyElementsOf(sinks);
        assertThat(sinks).as("the four receiving endpoints").hasSize(4);
        assertThat(kms.mediaConnections()).extracting(Connection::mediaType).containsOnly("AUDIO", "VIDEO").hasSize(8);
        assertThat(kms.liveSubscriptions()).as("one IceCandidateFound subscription per endpoint").isEqualTo(6);
    }

    @Test
    void an_audio_only_publisher_is_forwarded_as_audio_only() {
        join("bob", MediaCapabilities.AUDIO_ONLY);
        join("cid", MediaCapabilities.RECEIVE_ONLY);

        assertThat(kms.mediaConnections()).singleElement()
                .satisfies(connection -> assertThat(connection.mediaType()).isEqualTo("AUDIO"));
    }

    @Test
    void an_offer_is_processed_by_the_links_endpoint_and_answered_with_kms_answer() {
        join("ann", MediaCapabilities.AUDIO_ONLY);
        MediaLink upstream = openLinks().get(0);

        media.signalToMediaServer(upstream, participantEnd(upstream),
                new SessionDescription(SessionDescription.Type.OFFER, SampleOffers.publishesAudioOnly()));

        Polling.awaitTrue("the answer", () -> !serverEvents.signalsOn(upstream.id()).isEmpty());
        assertThat(kms.invocations("processOffer")).singleElement()
                .satisfies(call -> assertThat(call.params().getAsJsonObject("operationParams").get("offer").getAsString())
                        .isEqualTo(SampleOffers.publishesAudioOnly()));
        SessionDescription answer = (SessionDescription) serverEvents.signalsOn(upstream.id()).get(0);
        assertThat(answer.sdp()).contains("a=recvonly", "s=Kurento stand-in (no media)");
        Polling.awaitTrue("candidates gathered once", () -> kms.invocations("gatherCandidates").size() == 1);
    }

    @Test
    void the_browsers_candidates_reach_the_links_endpoint() {
        join("ann", MediaCapabilities.AUDIO_ONLY);
        MediaLink upstream = openLinks().get(0);

        media.signalToMediaServer(upstream, participantEnd(upstream),
                new SessionDescription(SessionDescription.Type.OFFER, SampleOffers.publishesAudioOnly()));
        media.signalToMediaServer(upstream, participantEnd(upstream),
                new IceCandidate("candidate:7 1 udp 2122260223 127.0.0.1 50007 typ host", "0", 0));
        media.signalToMediaServer(upstream, participantEnd(upstream), new IceCandidate("", "0", 0));

        Polling.awaitTrue("the candidate at KMS", () -> !kms.invocations("addIceCandidate").isEmpty());
        assertThat(kms.invocations("addIceCandidate")).singleElement().satisfies(call -> assertThat(
                call.params().getAsJsonObject("operationParams").getAsJsonObject("candidate").get("candidate").getAsString())
                .isEqualTo("candidate:7 1 udp 2122260223 127.0.0.1 50007 typ host"));
    }

    @Test
    void leaving_releases_the_leavers_endpoints_and_the_last_one_out_the_pipeline() {
        Participant ann = join("ann", MediaCapabilities.AUDIO_VIDEO);
        Participant bob = join("bob", MediaCapabilities.AUDIO_VIDEO);
        assertThat(kms.liveObjects()).isEqualTo(1 + 4);

        leave(ann);
        Polling.awaitValue("ann's endpoints released", kms::liveObjectIds, ids -> ids.size() == 2);
        assertThat(kms.mediaConnections()).isEmpty();

        leave(bob);
        Polling.awaitTrue("everything released", () -> kms.liveObjects() == 0);
        assertThat(kms.liveSubscriptions()).isZero();
    }
}
