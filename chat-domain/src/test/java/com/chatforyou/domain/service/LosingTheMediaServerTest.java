package com.chatforyou.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.fixtures.FakeMediaPort;
import com.chatforyou.domain.model.RoomEvent.LinkClosed;
import com.chatforyou.domain.model.RoomEvent.LinkOpened;
import com.chatforyou.domain.model.RoomEvent.MediaServerStatus;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import org.junit.jupiter.api.Test;

/**
 * When the media server goes away, the room's links close and everyone is told that video is
 * interrupted; while no media server can take the room, video waits, and once one can, the links are
 * planned afresh and everyone is told it is back.
 */
class LosingTheMediaServerTest {

    private final RoomServiceFixture chat = new RoomServiceFixture(FakeMediaPort.viaMediaServer());
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");

    @Test
    void while_the_media_server_is_away_everyone_hears_that_video_waits_and_no_link_stays_open() {
        int linksBefore = chat.eventsTo(ann, LinkOpened.class).size() + chat.eventsTo(bob, LinkOpened.class).size();
        chat.media.refuseNextPlan();

        chat.media.serverLostTheRoom(standup);

        for (Seated participant : new Seated[] {ann, bob}) {
            assertThat(chat.eventsTo(participant, MediaServerStatus.class))
                    .containsExactly(new MediaServerStatus(standup, false));
            assertThat(chat.eventsTo(participant, LinkClosed.class)).isNotEmpty();
        }
        assertThat(chat.eventsTo(ann, LinkOpened.class).size() + chat.eventsTo(bob, LinkOpened.class).size())
                .isEqualTo(linksBefore);
        assertThat(chat.statistics.roomStatistics().mediaLinks()).isZero();
    }

    @Test
    void when_the_media_server_is_back_links_are_planned_afresh_and_everyone_hears_it() {
        chat.media.refuseNextPlan();
        chat.media.serverLostTheRoom(standup);
        int linksWhileAway = chat.eventsTo(ann, LinkOpened.class).size();

        chat.media.serverLostTheRoom(standup);

        for (Seated participant : new Seated[] {ann, bob}) {
            assertThat(chat.eventsTo(participant, MediaServerStatus.class)).containsExactly(
                    new MediaServerStatus(standup, false), new MediaServerStatus(standup, true));
        }
        assertThat(chat.eventsTo(ann, LinkOpened.class)).hasSizeGreaterThan(linksWhileAway);
        assertThat(chat.statistics.roomStatistics().mediaLinks()).isPositive();
    }

    @Test
    void a_reset_that_succeeds_at_once_still_tells_everyone_video_was_interrupted_and_is_back() {
        chat.media.serverLostTheRoom(standup);

        for (Seated participant : new Seated[] {ann, bob}) {
            assertThat(chat.eventsTo(participant, MediaServerStatus.class)).containsExactly(
                    new MediaServerStatus(standup, false), new MediaServerStatus(standup, true));
        }
        assertThat(chat.statistics.roomStatistics().mediaLinks()).isPositive();
    }

    @Test
    void a_reset_that_fails_again_tells_nobody_twice() {
        chat.media.refuseNextPlan();
        chat.media.serverLostTheRoom(standup);
        chat.media.refuseNextPlan();
        chat.media.serverLostTheRoom(standup);

        assertThat(chat.eventsTo(ann, MediaServerStatus.class)).containsExactly(new MediaServerStatus(standup, false));
        assertThat(chat.statistics.roomStatistics().mediaLinks()).isZero();
    }
}
