package com.chatforyou.domain.service;

import static com.chatforyou.domain.service.RoomServiceFixture.answer;
import static com.chatforyou.domain.service.RoomServiceFixture.candidate;
import static com.chatforyou.domain.service.RoomServiceFixture.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.chatforyou.domain.fixtures.FakeMediaPort;
import com.chatforyou.domain.fixtures.FakeMediaPort.SignalToServer;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomEvent.SignalReceived;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Links with the media server at one end, as an SFU plans them: each publisher offers an upstream link
 * to the server, and the server offers each viewer a downstream link per publisher.
 */
class MediaServerLinksTest {

    private final RoomServiceFixture chat = new RoomServiceFixture(FakeMediaPort.viaMediaServer());
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final MediaLink annUpstream = upstreamOf(ann);

    @Test
    void a_publisher_hears_it_offers_its_upstream_link_to_no_peer() {
        assertThat(chat.eventsTo(ann, RoomEvent.LinkOpened.class)).containsExactly(
                new RoomEvent.LinkOpened(annUpstream.id(), ann.id(), Optional.empty(), true, false, true));
    }

    @Test
    void a_participants_signal_for_the_media_server_goes_to_the_media_port() {
        chat.send(ann, annUpstream.id(), offer("ann"));
        chat.send(ann, annUpstream.id(), candidate(50000));

        assertThat(chat.media.signalsToServer()).containsExactly(
                new SignalToServer(annUpstream, ann.id(), offer("ann")),
                new SignalToServer(annUpstream, ann.id(), candidate(50000)));
        assertThat(chat.notifier.eventsTo(ann.connection(), SignalReceived.class)).isEmpty();
    }

    @Test
    void the_media_servers_answer_reaches_the_participant_end() {
        chat.send(ann, annUpstream.id(), offer("ann"));

        chat.media.serverSays(standup, annUpstream.id(), answer("server"));

        assertThat(chat.signalsTo(ann)).containsExactly(new SignalReceived(annUpstream.id(), answer("server")));
    }

    @Test
    void the_media_server_offers_a_viewer_and_the_viewer_answers_it() {
        Seated bob = chat.join(standup, "Bob");
        MediaLink annToBob = chat.linkCarrying(ann, bob);

        chat.media.serverSays(standup, annToBob.id(), offer("server"));
        chat.send(bob, annToBob.id(), answer("bob"));

        assertThat(chat.signalsTo(bob)).containsExactly(new SignalReceived(annToBob.id(), offer("server")));
        assertThat(chat.media.signalsToServer()).containsExactly(new SignalToServer(annToBob, bob.id(), answer("bob")));
    }

    @Test
    void a_viewer_hears_the_media_server_offers_and_it_is_polite() {
        Seated bob = chat.join(standup, "Bob");
        MediaLink annToBob = chat.linkCarrying(ann, bob);

        assertThat(annToBob.offerer()).isEqualTo(LinkEnd.mediaServer());
        assertThat(chat.eventsTo(bob, RoomEvent.LinkOpened.class)).contains(
                new RoomEvent.LinkOpened(annToBob.id(), ann.id(), Optional.empty(), false, true, false));
    }

    @Test
    void a_media_server_signal_reaches_only_the_participant_end() {
        Seated bob = chat.join(standup, "Bob");
        MediaLink annToBob = chat.linkCarrying(ann, bob);

        chat.media.serverSays(standup, annToBob.id(), candidate(50000));

        assertThat(chat.signalsTo(ann)).isEmpty();
        assertThat(chat.signalsTo(bob)).containsExactly(new SignalReceived(annToBob.id(), candidate(50000)));
    }

    @Test
    void a_media_server_answer_without_a_pending_offer_is_dropped() {
        assertThatNoException().isThrownBy(
                () -> chat.media.serverSays(standup, annUpstream.id(), answer("server")));

        assertThat(chat.signalsTo(ann)).isEmpty();
    }

    @Test
    void a_media_server_signal_for_an_unknown_link_is_dropped() {
        assertThatNoException().isThrownBy(
                () -> chat.media.serverSays(standup, new LinkId("no-such-link"), candidate(50000)));

        assertThat(chat.signalsTo(ann)).isEmpty();
    }

    @Test
    void a_media_server_signal_for_a_closed_room_is_dropped() {
        chat.membership.leaveRoom(ann.connection());
        chat.notifier.forget();

        assertThatNoException().isThrownBy(
                () -> chat.media.serverSays(standup, annUpstream.id(), candidate(50000)));

        assertThat(chat.notifier.deliveries()).isEmpty();
    }

    @Test
    void a_leaver_takes_the_links_carrying_their_media_with_them() {
        Seated bob = chat.join(standup, "Bob");
        MediaLink annToBob = chat.linkCarrying(ann, bob);
        MediaLink bobToAnn = chat.linkCarrying(bob, ann);
        chat.notifier.forget();

        chat.membership.leaveRoom(ann.connection());

        assertThat(chat.media.closed()).containsExactlyInAnyOrder(annUpstream, annToBob, bobToAnn);
        assertThat(chat.eventsTo(bob, RoomEvent.LinkClosed.class))
                .containsExactly(new RoomEvent.LinkClosed(annToBob.id()));
    }

    private MediaLink upstreamOf(Seated publisher) {
        return chat.media.opened().stream()
                .filter(link -> link.publisher().equals(publisher.id()) && link.involves(publisher.id()))
                .findFirst()
                .orElseThrow();
    }
}
