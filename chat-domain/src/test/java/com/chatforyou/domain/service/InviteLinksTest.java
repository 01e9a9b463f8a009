package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
import org.junit.jupiter.api.Test;

/** Every room has an invite link for its whole life; an unguessable one keeps the room out of the lobby. */
class InviteLinksTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();

    private RoomSummary create(String name, boolean privateLink, String slug) {
        return chat.lobby.createRoom(new CreateRoomCommand(name, null, null, null, ClientAddress.UNKNOWN, privateLink, slug))
                .toCompletableFuture().join();
    }

    @Test
    void a_room_gets_its_link_from_its_name_and_is_found_by_it() {
        RoomSummary standup = create("Team Standup", false, null);

        assertThat(standup.slug().value()).isEqualTo("team-standup");
        assertThat(chat.lobby.findRoom("team-standup").id()).isEqualTo(standup.id());
        assertThat(chat.listed(standup.id())).isPresent();
    }

    @Test
    void a_second_name_that_gives_the_same_link_gets_a_numbered_one() {
        create("Team Sync", false, null);

        assertThat(create("team-sync!", false, null).slug().value()).isEqualTo("team-sync-2");
        assertThat(create("TEAM  SYNC?", false, null).slug().value()).isEqualTo("team-sync-3");
    }

    @Test
    void an_unguessable_link_comes_from_the_random_ids_and_the_room_is_not_listed() {
        RoomSummary secret = create("Board", true, null);

        assertThat(secret.slug().value()).doesNotContain("board").matches("[a-z0-9]{1,4}(-[a-z0-9]{1,4}){0,2}");
        assertThat(secret.privateLink()).isTrue();
        assertThat(chat.listed(secret.id())).isEmpty();
        assertThat(chat.lobby.findRoom(secret.slug().value()).id()).isEqualTo(secret.id());
    }

    @Test
    void a_name_without_letters_for_a_link_gets_a_random_one_and_stays_listed() {
        RoomSummary room = create("日本語", false, null);

        assertThat(room.slug().value()).isNotEmpty();
        assertThat(chat.listed(room.id())).isPresent();
    }

    @Test
    void a_link_asked_for_is_given_when_free_and_refused_when_taken() {
        RoomSummary back = create("Board", true, "k3x9-qp2m-w7ad");
        assertThat(back.slug().value()).isEqualTo("k3x9-qp2m-w7ad");

        assertThat(refusalOf(() -> create("Other", false, "k3x9-qp2m-w7ad"))).isEqualTo(ErrorCode.ROOM_LINK_TAKEN);
        assertThat(refusalOf(() -> create("Other", false, "Not a Slug"))).isEqualTo(ErrorCode.INVALID_ROOM_LINK);
    }

    @Test
    void an_unknown_link_and_the_link_of_a_room_that_ended_find_nothing() {
        var retro = chat.aRoom("Retro");
        var ann = chat.join(retro, "Ann");
        chat.membership.leaveRoom(ann.connection());

        assertThat(refusalOf(() -> chat.lobby.findRoom("retro"))).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
        assertThat(refusalOf(() -> chat.lobby.findRoom("nothing-here"))).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
    }

    @Test
    void a_link_stays_the_same_while_people_come_and_go() {
        var standup = chat.aRoom("Standup");
        var ann = chat.join(standup, "Ann");
        var bob = chat.join(standup, "Bob");
        chat.membership.leaveRoom(bob.connection());

        assertThat(chat.lobby.findRoom("standup").id()).isEqualTo(standup);
        assertThat(chat.theOnlyJoinedTo(ann).room().slug().value()).isEqualTo("standup");
    }
}
