package com.chatforyou.domain.service;

import static com.chatforyou.domain.service.RoomServiceFixture.connectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.RoomId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One connection holds at most one seat, even when its second join is handled while its first is
 * still under way (a transport may process one connection's messages on several threads). Each room
 * is its own lock, so joins into two different rooms do not wait for each other. The interleaving is
 * played on one thread, with no timing involved: the second join runs while the media backend is
 * planning the first, inside Standup's lock.
 */
class JoiningTwoRoomsAtOnceTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final RoomId retro = chat.aRoom("Retro");
    private final AtomicReference<String> secondJoin = new AtomicReference<>();

    @BeforeEach
    void a_second_join_arrives_while_the_first_is_being_planned() {
        chat.media.whilePlanning(room -> {
            if (room.equals(standup)) {
                chat.media.whilePlanning(any -> { });
                try {
                    chat.join(retro, "Ann");
                    secondJoin.set("went through");
                } catch (ChatException refused) {
                    secondJoin.set(refused.code().wireCode());
                }
            }
        });
    }

    @Test
    void the_second_join_is_refused_because_the_connection_already_has_a_seat() {
        chat.join(standup, "Ann");

        assertThat(secondJoin.get()).isEqualTo(ErrorCode.ALREADY_IN_ROOM.wireCode());
        assertThat(chat.headCount(retro)).isZero();
    }

    @Test
    void a_lost_connection_leaves_no_ghost_behind() {
        var ann = chat.join(standup, "Ann");

        chat.loseConnectionPastGrace(ann);

        assertThat(chat.lobby.listRooms()).as("rooms left with a participant nobody can reach")
                .allSatisfy(room -> assertThat(room.participantCount()).isZero());
    }
}
