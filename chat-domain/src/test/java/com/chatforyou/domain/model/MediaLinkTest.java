package com.chatforyou.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaLinkTest {

    private final ParticipantId ann = new ParticipantId("ann");
    private final ParticipantId bob = new ParticipantId("bob");
    private final ParticipantId cid = new ParticipantId("cid");
    private final RoomId room = new RoomId("room");

    private final MediaLink annToBob = new MediaLink(new LinkId("l1"), room, ann,
            LinkEnd.participant(ann), LinkEnd.participant(bob));
    private final MediaLink serverToBob = new MediaLink(new LinkId("l2"), room, ann,
            LinkEnd.mediaServer(), LinkEnd.participant(bob));

    @Test
    void the_end_that_answers_first_is_the_polite_one() {
        assertThat(annToBob.isPolite(LinkEnd.participant(bob))).isTrue();
        assertThat(annToBob.isPolite(LinkEnd.participant(ann))).isFalse();
    }

    @Test
    void each_end_sees_the_other_opposite() {
        assertThat(annToBob.opposite(LinkEnd.participant(ann))).isEqualTo(LinkEnd.participant(bob));
        assertThat(annToBob.opposite(LinkEnd.participant(bob))).isEqualTo(LinkEnd.participant(ann));
        assertThat(serverToBob.opposite(LinkEnd.participant(bob))).isEqualTo(LinkEnd.mediaServer());
    }

    @Test
    void a_link_involves_only_its_ends() {
        assertThat(annToBob.involves(ann)).isTrue();
        assertThat(annToBob.involves(bob)).isTrue();
        assertThat(annToBob.involves(cid)).isFalse();
        assertThat(annToBob.endOf(cid)).isEqualTo(Optional.empty());
        assertThat(serverToBob.involves(ann)).as("the publisher behind the media server is no end").isFalse();
    }

    @Test
    void a_link_knows_when_the_media_server_is_an_end() {
        assertThat(annToBob.hasMediaServerEnd()).isFalse();
        assertThat(serverToBob.hasMediaServerEnd()).isTrue();
    }

    @Test
    void a_planned_link_needs_two_different_ends() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new LinkPlan(ann, LinkEnd.participant(ann), LinkEnd.participant(ann)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new LinkPlan(ann, LinkEnd.mediaServer(), LinkEnd.mediaServer()));
    }

    @Test
    void a_planned_link_between_two_participants_carries_one_of_them() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new LinkPlan(cid, LinkEnd.participant(ann), LinkEnd.participant(bob)));
        assertThat(new LinkPlan(ann, LinkEnd.mediaServer(), LinkEnd.participant(bob)).publisher()).isEqualTo(ann);
    }
}
