package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mesh: one link per (publisher, viewer) pair, offered by the publisher. */
class OpeningLinksTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");

    @Test
    void two_publishers_are_connected_by_one_link_each_way() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");

        assertThat(chat.media.opened()).hasSize(2);
        assertThat(chat.linkCarrying(ann, bob).answerer()).isEqualTo(LinkEnd.participant(bob.id()));
        assertThat(chat.linkCarrying(bob, ann).answerer()).isEqualTo(LinkEnd.participant(ann.id()));
    }

    @Test
    void the_publisher_hears_it_offers_and_is_impolite() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");
        LinkId annToBob = chat.linkCarrying(ann, bob).id();

        assertThat(linkOpenedTo(ann, annToBob))
                .isEqualTo(new RoomEvent.LinkOpened(annToBob, ann.id(), Optional.of(bob.id()), true, false, true));
    }

    @Test
    void the_viewer_hears_it_answers_and_is_polite() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");
        LinkId annToBob = chat.linkCarrying(ann, bob).id();

        assertThat(linkOpenedTo(bob, annToBob))
                .isEqualTo(new RoomEvent.LinkOpened(annToBob, ann.id(), Optional.of(ann.id()), false, true, false));
    }

    @Test
    void the_newcomers_own_link_is_announced_to_it_as_publisher() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");
        LinkId bobToAnn = chat.linkCarrying(bob, ann).id();

        assertThat(linkOpenedTo(bob, bobToAnn))
                .isEqualTo(new RoomEvent.LinkOpened(bobToAnn, bob.id(), Optional.of(ann.id()), true, false, true));
        assertThat(linkOpenedTo(ann, bobToAnn))
                .isEqualTo(new RoomEvent.LinkOpened(bobToAnn, bob.id(), Optional.of(bob.id()), false, true, false));
    }

    @Test
    void every_link_is_announced_once_to_each_of_its_two_ends() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");
        List<LinkId> opened = chat.media.opened().stream().map(MediaLink::id).toList();

        assertThat(linkIdsOpenedTo(ann)).containsExactlyInAnyOrderElementsOf(opened);
        assertThat(linkIdsOpenedTo(bob)).containsExactlyInAnyOrderElementsOf(opened);
    }

    @Test
    void a_participant_hears_only_of_links_it_is_an_end_of() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");
        Seated cid = chat.join(standup, "Cid");

        assertThat(chat.media.opened()).hasSize(6);
        assertThat(linkIdsOpenedTo(cid)).hasSize(4)
                .doesNotContain(chat.linkCarrying(ann, bob).id(), chat.linkCarrying(bob, ann).id());
        assertThat(linkIdsOpenedTo(ann)).hasSize(4);
    }

    @Test
    void a_receive_only_newcomer_gets_links_from_the_publishers_and_opens_none() {
        Seated ann = chat.join(standup, "Ann");
        Seated viewer = chat.join(standup, "Viewer", MediaCapabilities.RECEIVE_ONLY);

        assertThat(chat.media.opened()).singleElement().satisfies(link -> {
            assertThat(link.publisher()).isEqualTo(ann.id());
            assertThat(link.offerer()).isEqualTo(LinkEnd.participant(ann.id()));
            assertThat(link.answerer()).isEqualTo(LinkEnd.participant(viewer.id()));
        });
    }

    @Test
    void two_receive_only_participants_need_no_link() {
        chat.join(standup, "Ann", MediaCapabilities.RECEIVE_ONLY);
        Seated bob = chat.join(standup, "Bob", MediaCapabilities.RECEIVE_ONLY);

        assertThat(chat.media.opened()).isEmpty();
        assertThat(chat.eventsTo(bob, RoomEvent.LinkOpened.class)).isEmpty();
    }

    @Test
    void the_media_port_plans_against_the_room_as_it_was_before_the_newcomer() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");

        assertThat(chat.media.plannings()).hasSize(2);
        assertThat(chat.media.plannings().get(1).room()).isEqualTo(standup);
        assertThat(chat.media.plannings().get(1).newcomer().id()).isEqualTo(bob.id());
        assertThat(chat.media.plannings().get(1).present()).extracting(Participant::id).containsExactly(ann.id());
    }

    @Test
    void the_media_port_is_told_of_the_links_under_the_ids_the_participants_hear() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");

        assertThat(chat.media.opened()).extracting(MediaLink::room).containsOnly(standup);
        assertThat(chat.media.opened()).extracting(MediaLink::id)
                .containsExactlyInAnyOrderElementsOf(linkIdsOpenedTo(bob));
        assertThat(chat.media.opened()).extracting(MediaLink::publisher).containsExactlyInAnyOrder(ann.id(), bob.id());
    }

    @Test
    void the_others_hear_who_joined_before_they_hear_of_the_links() {
        Seated ann = chat.join(standup, "Ann");
        chat.join(standup, "Bob");

        List<RoomEvent> annHeard = chat.eventsTo(ann);

        assertThat(annHeard.get(1)).isInstanceOf(RoomEvent.ParticipantJoined.class);
        assertThat(annHeard.subList(2, annHeard.size())).hasSize(2).allMatch(RoomEvent.LinkOpened.class::isInstance);
    }

    @Test
    void every_link_gets_its_own_id() {
        chat.join(standup, "Ann");
        chat.join(standup, "Bob");
        chat.join(standup, "Cid");

        assertThat(chat.media.opened()).extracting(MediaLink::id).doesNotHaveDuplicates();
    }

    // ---- when the media backend cannot serve the room ----

    @Test
    void a_media_failure_refuses_the_join() {
        chat.join(standup, "Ann");
        chat.media.refuseNextPlan();

        assertThat(refusalOf(() -> chat.join(standup, "Bob"))).isEqualTo(ErrorCode.MEDIA_UNAVAILABLE);
    }

    @Test
    void a_media_failure_leaves_the_room_as_it_was() {
        Seated ann = chat.join(standup, "Ann");
        chat.notifier.forget();
        chat.media.refuseNextPlan();

        refusalOf(() -> chat.join(standup, "Bob"));

        assertThat(chat.headCount(standup)).isEqualTo(1);
        assertThat(chat.media.opened()).isEmpty();
        assertThat(chat.notifier.deliveries()).isEmpty();
        assertThat(chat.notifier.roomListUpdates()).isEmpty();
        Seated cid = chat.join(standup, "Cid");
        assertThat(chat.theOnlyJoinedTo(cid).others()).extracting(Participant::id).containsExactly(ann.id());
    }

    @Test
    void after_a_media_failure_the_seat_and_the_name_are_free_again() {
        RoomId pair = chat.aRoomWithCapacity("Pair", 2);
        chat.join(pair, "Ann");
        chat.media.refuseNextPlan();
        refusalOf(() -> chat.join(pair, "Bob"));

        Seated bob = chat.join(pair, "Bob");

        assertThat(chat.theOnlyJoinedTo(bob).room().participantCount()).isEqualTo(2);
        assertThat(chat.headCount(pair)).isEqualTo(2);
    }

    private RoomEvent.LinkOpened linkOpenedTo(Seated participant, LinkId link) {
        List<RoomEvent.LinkOpened> matching = chat.eventsTo(participant, RoomEvent.LinkOpened.class).stream()
                .filter(event -> event.link().equals(link))
                .toList();
        assertThat(matching).as("link-open for %s to %s", link, participant.name()).hasSize(1);
        return matching.get(0);
    }

    private List<LinkId> linkIdsOpenedTo(Seated participant) {
        return chat.eventsTo(participant, RoomEvent.LinkOpened.class).stream().map(RoomEvent.LinkOpened::link).toList();
    }
}
