package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.Reaction;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.SendReactionUseCase.SendReactionCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Emoji reactions: everyone in the room sees them; a fixed set; a few at a time per participant. */
class ReactingTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");

    private void react(Seated who, String emoji) {
        chat.reactions.sendReaction(new SendReactionCommand(who.connection(), who.room(), emoji));
    }

    @Test
    void a_reaction_reaches_everyone_in_the_room_sender_included() {
        react(bob, "👏");

        RoomEvent.Reacted expected = new RoomEvent.Reacted(standup, bob.id(), new Reaction("👏"));
        assertThat(chat.eventsTo(ann, RoomEvent.Reacted.class)).containsExactly(expected);
        assertThat(chat.eventsTo(bob, RoomEvent.Reacted.class)).containsExactly(expected);
    }

    @Test
    void only_the_offered_emoji_are_reactions() {
        assertThat(refusalOf(() -> react(bob, "<b>hi</b>"))).isEqualTo(ErrorCode.INVALID_REACTION);
        assertThat(refusalOf(() -> react(bob, ""))).isEqualTo(ErrorCode.INVALID_REACTION);
        assertThat(refusalOf(() -> react(bob, null))).isEqualTo(ErrorCode.INVALID_REACTION);
        assertThat(chat.eventsTo(ann, RoomEvent.Reacted.class)).isEmpty();
    }

    @Test
    void a_burst_of_reactions_is_cut_off_and_the_allowance_comes_back_with_time() {
        for (int i = 0; i < 5; i++) {
            react(bob, "🎉");
        }

        assertThat(refusalOf(() -> react(bob, "🎉"))).isEqualTo(ErrorCode.RATE_LIMITED);
        react(ann, "🎉");
        assertThat(chat.eventsTo(ann, RoomEvent.Reacted.class)).hasSize(6);

        chat.clock.advance(Duration.ofSeconds(2));
        react(bob, "🎉");
        assertThat(refusalOf(() -> react(bob, "🎉"))).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(chat.eventsTo(ann, RoomEvent.Reacted.class)).hasSize(7);
    }
}
