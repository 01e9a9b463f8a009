package com.chatforyou.domain.service;

import static com.chatforyou.domain.service.RoomServiceFixture.answer;
import static com.chatforyou.domain.service.RoomServiceFixture.offer;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.fixtures.FakeMediaPort;
import com.chatforyou.domain.fixtures.FakeMediaPort.SignalToServer;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A media server whose ends take one offer each (Kurento) gets new links where a browser would
 * renegotiate: an audio-only participant starting a screen share, or an ICE restart.
 */
class ReplacingLinksTheMediaServerCannotRenegotiateTest {

    private final RoomServiceFixture chat = new RoomServiceFixture(FakeMediaPort.viaMediaServer());
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann", MediaCapabilities.AUDIO_ONLY);
    private final Seated bob = chat.join(standup, "Bob");
    private final MediaLink annUpstream = upstreamOf(ann);
    private final MediaLink annToBob = chat.linkCarrying(ann, bob);

    @Test
    void a_second_offer_on_a_negotiated_link_replaces_the_offerers_links_instead_of_reaching_the_server() {
        chat.media.refuseRenegotiation();
        negotiateAnnsUpstream();

        chat.send(ann, annUpstream.id(), offer("ann-again"));

        assertThat(chat.media.signalsToServer()).doesNotContain(new SignalToServer(annUpstream, ann.id(), offer("ann-again")));
        assertThat(chat.media.closed()).contains(annUpstream, annToBob);
        assertThat(chat.eventsTo(ann, RoomEvent.LinkClosed.class)).contains(new RoomEvent.LinkClosed(annUpstream.id()));
        assertThat(chat.eventsTo(bob, RoomEvent.LinkClosed.class)).contains(new RoomEvent.LinkClosed(annToBob.id()));
        List<MediaLink> anew = chat.media.opened().stream()
                .filter(link -> link.involves(ann.id()) || link.publisher().equals(ann.id()))
                .filter(link -> !chat.media.closed().contains(link))
                .toList();
        assertThat(anew).extracting(MediaLink::publisher).contains(ann.id(), bob.id());
        assertThat(chat.eventsTo(ann, RoomEvent.LinkOpened.class)).extracting(RoomEvent.LinkOpened::link)
                .containsAll(anew.stream().filter(link -> link.involves(ann.id())).map(MediaLink::id).toList());
    }

    @Test
    void an_audio_only_participant_who_shares_is_planned_anew_as_sending_video() {
        chat.media.refuseRenegotiation();
        negotiateAnnsUpstream();
        chat.negotiation.updateMediaState(ann.connection(), new MediaState(false, false, true));

        chat.send(ann, annUpstream.id(), offer("ann-with-screen"));

        FakeMediaPort.Planning replanned = chat.media.plannings().get(chat.media.plannings().size() - 1);
        assertThat(replanned.newcomer().id()).isEqualTo(ann.id());
        assertThat(replanned.newcomer().sends()).isEqualTo(MediaCapabilities.AUDIO_VIDEO);
    }

    @Test
    void a_server_that_renegotiates_gets_the_second_offer_and_the_links_stay() {
        negotiateAnnsUpstream();

        chat.send(ann, annUpstream.id(), offer("ann-again"));

        assertThat(chat.media.signalsToServer()).contains(new SignalToServer(annUpstream, ann.id(), offer("ann-again")));
        assertThat(chat.media.closed()).isEmpty();
    }

    @Test
    void a_first_offer_reaches_the_server_even_when_it_cannot_renegotiate() {
        chat.media.refuseRenegotiation();

        chat.send(ann, annUpstream.id(), offer("ann"));

        assertThat(chat.media.signalsToServer()).containsExactly(new SignalToServer(annUpstream, ann.id(), offer("ann")));
        assertThat(chat.media.closed()).isEmpty();
    }

    private void negotiateAnnsUpstream() {
        chat.send(ann, annUpstream.id(), offer("ann"));
        chat.media.serverSays(standup, annUpstream.id(), answer("server"));
    }

    private MediaLink upstreamOf(Seated publisher) {
        return chat.media.opened().stream()
                .filter(link -> link.publisher().equals(publisher.id()) && link.involves(publisher.id()))
                .findFirst()
                .orElseThrow();
    }
}
