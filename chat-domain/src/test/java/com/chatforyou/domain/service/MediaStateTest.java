package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static com.chatforyou.domain.service.RoomServiceFixture.connectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import org.junit.jupiter.api.Test;

class MediaStateTest {

    private static final MediaState MIC_OFF = new MediaState(true, false);

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");

    @Test
    void a_toggle_is_shown_to_everyone_in_the_room_including_the_sender() {
        chat.negotiation.updateMediaState(ann.connection(), MIC_OFF);

        RoomEvent.MediaStateChanged expected = new RoomEvent.MediaStateChanged(standup, ann.id(), MIC_OFF);
        assertThat(chat.eventsTo(ann, RoomEvent.MediaStateChanged.class)).containsExactly(expected);
        assertThat(chat.eventsTo(bob, RoomEvent.MediaStateChanged.class)).containsExactly(expected);
    }

    @Test
    void a_toggle_stays_in_its_room() {
        Seated cid = chat.join(chat.aRoom("Retro"), "Cid");

        chat.negotiation.updateMediaState(ann.connection(), MIC_OFF);

        assertThat(chat.eventsTo(cid, RoomEvent.MediaStateChanged.class)).isEmpty();
    }

    @Test
    void a_newcomer_sees_the_others_current_toggles() {
        chat.negotiation.updateMediaState(ann.connection(), MIC_OFF);
        chat.negotiation.updateMediaState(bob.connection(), new MediaState(false, true));

        Seated cid = chat.join(standup, "Cid");

        assertThat(chat.theOnlyJoinedTo(cid).others()).extracting(Participant::mediaState)
                .containsExactly(MIC_OFF, new MediaState(false, true));
    }

    @Test
    void a_share_is_shown_to_everyone_and_to_newcomers_until_it_stops() {
        MediaState sharing = new MediaState(false, false, true);
        chat.negotiation.updateMediaState(ann.connection(), sharing);

        assertThat(chat.eventsTo(bob, RoomEvent.MediaStateChanged.class))
                .containsExactly(new RoomEvent.MediaStateChanged(standup, ann.id(), sharing));
        assertThat(chat.theOnlyJoinedTo(chat.join(standup, "Cid")).others()).extracting(Participant::mediaState)
                .containsExactly(sharing, MediaState.UNMUTED);

        chat.negotiation.updateMediaState(ann.connection(), MediaState.UNMUTED);

        assertThat(chat.theOnlyJoinedTo(chat.join(standup, "Dee")).others()).extracting(Participant::mediaState)
                .containsExactly(MediaState.UNMUTED, MediaState.UNMUTED, MediaState.UNMUTED);
    }

    @Test
    void several_participants_may_share_at_once() {
        chat.negotiation.updateMediaState(ann.connection(), new MediaState(false, false, true));
        chat.negotiation.updateMediaState(bob.connection(), new MediaState(true, true, true));

        assertThat(chat.theOnlyJoinedTo(chat.join(standup, "Cid")).others()).extracting(Participant::mediaState)
                .extracting(MediaState::sharing).containsExactly(true, true);
    }

    @Test
    void a_toggle_without_a_seat_is_refused() {
        assertThat(refusalOf(() -> chat.negotiation.updateMediaState(connectionOf("stranger"), MIC_OFF)))
                .isEqualTo(ErrorCode.NOT_IN_ROOM);
    }
}
