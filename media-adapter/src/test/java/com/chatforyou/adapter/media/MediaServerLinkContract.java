package com.chatforyou.adapter.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.SessionDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a backend whose links end at a media server (an SFU such as Kurento or Janus) must do on top
 * of {@link MediaPortContract}: every link joins one participant to the server, and the server
 * takes its part in negotiation through {@code MediaServerEvents}. Whether the server answers the
 * participant's offer or offers first is the backend's choice; both pass.
 *
 * <p>The first test fails for any backend without media-server ends, so a peer-to-peer backend
 * cannot pass this suite by having nothing to check.
 */
public abstract class MediaServerLinkContract extends MediaPortContract {

    @Test
    void every_link_joins_one_participant_to_the_media_server() {
        join("ann", MediaCapabilities.AUDIO_VIDEO);
        join("bob", MediaCapabilities.AUDIO_ONLY);
        join("cid", MediaCapabilities.RECEIVE_ONLY);

        assertThat(openLinks()).isNotEmpty().allSatisfy(link -> {
            assertThat(link.hasMediaServerEnd()).as("%s ends at the media server", link).isTrue();
            assertThat(List.of(link.offerer(), link.answerer()))
                    .filteredOn(end -> end instanceof LinkEnd.OfParticipant).hasSize(1);
        });
    }

    @Test
    void the_media_server_negotiates_every_link_with_its_participant() {
        join("ann", MediaCapabilities.AUDIO_VIDEO);
        join("bob", MediaCapabilities.AUDIO_ONLY);
        join("cid", MediaCapabilities.RECEIVE_ONLY);

        for (MediaLink link : openLinks()) {
            ParticipantId participant = participantEnd(link);
            if (link.offerer().is(participant)) {
                String offer = offerFor(link);
                media.signalToMediaServer(link, participant, new SessionDescription(SessionDescription.Type.OFFER, offer));
                SessionDescription answer = awaitDescription(link);
                assertThat(answer.type()).as("reply on %s", link.id()).isEqualTo(SessionDescription.Type.ANSWER);
                assertThat(SampleOffers.mediaSections(answer.sdp())).as("m-sections answering %s", link.id())
                        .isEqualTo(SampleOffers.mediaSections(offer));
            } else {
                assertThat(awaitDescription(link).type()).as("the media server's own offer on %s", link.id())
                        .isEqualTo(SessionDescription.Type.OFFER);
            }
        }
    }

    @Test
    void the_media_servers_candidates_trickle_after_its_session_description() {
        Participant ann = join("ann", MediaCapabilities.AUDIO_VIDEO);
        MediaLink upstream = openLinks().stream().filter(link -> link.publisher().equals(ann.id())).findFirst()
                .orElseThrow();
        if (upstream.offerer().is(ann.id())) {
            media.signalToMediaServer(upstream, ann.id(),
                    new SessionDescription(SessionDescription.Type.OFFER, SampleOffers.publishesAudioAndVideo()));
        }

        List<MediaSignal> said = Polling.awaitValue("candidates on " + upstream.id(),
                () -> serverEvents.signalsOn(upstream.id()), signals -> signals.size() >= 2);

        assertThat(said.get(0)).isInstanceOf(SessionDescription.class);
        assertThat(said.subList(1, said.size())).allSatisfy(signal -> assertThat(signal).isInstanceOf(IceCandidate.class));
    }

    @Test
    void a_participants_candidates_and_signals_after_leaving_are_taken_without_fuss() {
        Participant ann = join("ann", MediaCapabilities.AUDIO_VIDEO);
        Participant bob = join("bob", MediaCapabilities.AUDIO_VIDEO);
        MediaLink upstream = openLinks().stream().filter(link -> link.publisher().equals(ann.id())
                && link.involves(ann.id())).findFirst().orElseThrow();
        IceCandidate candidate = new IceCandidate("candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "0", 0);

        assertThatNoException().isThrownBy(() -> {
            media.signalToMediaServer(upstream, ann.id(), candidate);
            leave(ann);
            media.signalToMediaServer(upstream, ann.id(), candidate);
            leave(bob);
            media.signalToMediaServer(upstream, ann.id(), candidate);
        });
    }

    /** The offer a ChatForYou browser sends on this link. */
    protected String offerFor(MediaLink link) {
        ParticipantId participant = participantEnd(link);
        if (!link.publisher().equals(participant)) {
            return SampleOffers.receivesAudioAndVideo();
        }
        MediaCapabilities sends = present().stream().filter(p -> p.id().equals(participant)).findFirst()
                .orElseThrow().capabilities();
        return sends.sendsVideo() ? SampleOffers.publishesAudioAndVideo() : SampleOffers.publishesAudioOnly();
    }

    protected static ParticipantId participantEnd(MediaLink link) {
        return link.offerer() instanceof LinkEnd.OfParticipant offerer ? offerer.id()
                : ((LinkEnd.OfParticipant) link.answerer()).id();
    }

    private SessionDescription awaitDescription(MediaLink link) {
        return (SessionDescription) Polling.awaitValue("a session description on " + link.id(),
                () -> serverEvents.signalsOn(link.id()).stream().filter(s -> s instanceof SessionDescription)
                        .findFirst().orElse(null),
                signal -> signal != null);
    }
}
