package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static com.chatforyou.domain.service.RoomServiceFixture.connectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.fixtures.FakeMediaPort;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.HostHandover;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Role;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.AssignRoleUseCase.AssignRoleCommand;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
import com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand;
import com.chatforyou.domain.port.in.ResumeSeatUseCase.ResumeSeatCommand;
import com.chatforyou.domain.port.out.SignedInUserPort;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who hosts a room: its creator, else its first participant; co-hosts; and who takes over when hosts leave. */
class HostingRoomsTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();

    private Role roleOf(Seated participant) {
        return chat.asTheRoomHas(participant).role();
    }

    private void assign(Seated by, Seated to, Role role) {
        chat.roles.assignRole(new AssignRoleCommand(by.connection(), by.room(), to.id(), role));
    }

    /** Joins one after another, a minute apart, so "longest present" is plain. */
    private Seated joinLater(RoomId room, String name) {
        chat.clock.advance(Duration.ofMinutes(1));
        return chat.join(room, name);
    }

    // ---- who hosts ----

    @Test
    void the_creator_is_the_host_even_when_someone_else_sat_down_first() {
        RoomId standup = chat.aRoomCreatedBy("Standup", "Ann");
        Seated bob = chat.join(standup, "Bob");
        Seated ann = joinLater(standup, "Ann");

        assertThat(roleOf(ann)).isEqualTo(Role.HOST);
        assertThat(roleOf(bob)).as("the first to sit down hosted until the creator came").isEqualTo(Role.CO_HOST);
        assertThat(chat.theOnlyJoinedTo(ann).self().role()).isEqualTo(Role.HOST);
        assertThat(chat.eventsTo(bob, RoomEvent.RoleChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.by()).contains(ann.id()));
    }

    @Test
    void a_room_opened_by_link_is_hosted_by_its_first_participant() {
        RoomId standup = chat.aRoom("Standup");

        Seated ann = chat.join(standup, "Ann");
        Seated bob = joinLater(standup, "Bob");

        assertThat(roleOf(ann)).isEqualTo(Role.HOST);
        assertThat(roleOf(bob)).isEqualTo(Role.PARTICIPANT);
        assertThat(chat.theOnlyJoinedTo(bob).others()).extracting(Participant::role).containsExactly(Role.HOST);
        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantJoined.class).get(0).participant().role())
                .isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void a_creator_coming_back_hosts_again_and_whoever_hosted_meanwhile_is_a_co_host() {
        RoomId standup = chat.aRoomCreatedBy("Standup", "Ann");
        Seated ann = chat.join(standup, "Ann");
        Seated bob = joinLater(standup, "Bob");
        chat.membership.leaveRoom(ann.connection());

        assertThat(roleOf(bob)).isEqualTo(Role.HOST);

        Seated annAgain = joinLater(standup, "Ann");

        assertThat(roleOf(annAgain)).isEqualTo(Role.HOST);
        assertThat(roleOf(bob)).isEqualTo(Role.CO_HOST);
    }

    @Test
    void when_host_sign_in_is_on_the_signed_in_creator_is_the_host_from_any_connection() {
        ConnectionId annsLaptop = connectionOf("Ann");
        ConnectionId annsPhone = new ConnectionId("conn-ann-phone");
        SignedInUserPort signedIn = connection -> Map.of(annsLaptop, "ann@example.org", annsPhone, "ann@example.org")
                .entrySet().stream().filter(e -> e.getKey().equals(connection)).map(Map.Entry::getValue).findFirst();
        RoomServiceFixture signedInChat = new RoomServiceFixture(FakeMediaPort.mesh(), RoomSettings.DEFAULTS,
                HostSettings.DEFAULTS, signedIn, Safeguards.DEFAULTS);
        RoomId standup = signedInChat.lobby.createRoom(new CreateRoomCommand("Standup", null, null, annsLaptop))
                .toCompletableFuture().join().id();
        Seated bob = signedInChat.join(standup, "Bob");

        ParticipantId ann = signedInChat.membership.joinRoom(new JoinRoomCommand(annsPhone, standup, "Ann", null,
                null)).toCompletableFuture().join().orElseThrow();

        assertThat(signedInChat.room(standup).participant(ann).orElseThrow().role()).isEqualTo(Role.HOST);
        assertThat(signedInChat.asTheRoomHas(bob).role()).isEqualTo(Role.CO_HOST);
    }

    // ---- co-hosts and handing over ----

    @Test
    void the_host_makes_a_co_host_and_everyone_hears() {
        RoomId standup = chat.aRoom("Standup");
        Seated ann = chat.join(standup, "Ann");
        Seated bob = joinLater(standup, "Bob");
        Seated cid = joinLater(standup, "Cid");

        assign(ann, bob, Role.CO_HOST);

        assertThat(roleOf(bob)).isEqualTo(Role.CO_HOST);
        for (Seated everyone : new Seated[] {ann, bob, cid}) {
            assertThat(chat.eventsTo(everyone, RoomEvent.RoleChanged.class)).singleElement().satisfies(changed -> {
                assertThat(changed.participant().id()).isEqualTo(bob.id());
                assertThat(changed.participant().role()).isEqualTo(Role.CO_HOST);
                assertThat(changed.by()).contains(ann.id());
            });
        }
        assertThat(chat.eventsTo(bob, RoomEvent.WaitingListChanged.class)).as("a new host sees who waits")
                .containsExactly(new RoomEvent.WaitingListChanged(standup, java.util.List.of()));
    }

    @Test
    void only_the_host_gives_roles() {
        RoomId standup = chat.aRoom("Standup");
        Seated ann = chat.join(standup, "Ann");
        Seated bob = joinLater(standup, "Bob");
        Seated cid = joinLater(standup, "Cid");
        assign(ann, bob, Role.CO_HOST);

        assertThat(refusalOf(() -> assign(cid, bob, Role.PARTICIPANT))).isEqualTo(ErrorCode.NOT_HOST);
        assertThat(refusalOf(() -> assign(bob, cid, Role.CO_HOST))).isEqualTo(ErrorCode.OUTRANKED);
        assertThat(refusalOf(() -> assign(ann, ann, Role.PARTICIPANT))).isEqualTo(ErrorCode.OUTRANKED);
        assertThat(roleOf(cid)).isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void handing_the_room_over_makes_the_host_a_co_host() {
        RoomId standup = chat.aRoom("Standup");
        Seated ann = chat.join(standup, "Ann");
        Seated bob = joinLater(standup, "Bob");

        assign(ann, bob, Role.HOST);

        assertThat(roleOf(bob)).isEqualTo(Role.HOST);
        assertThat(roleOf(ann)).isEqualTo(Role.CO_HOST);
        assertThat(chat.eventsTo(bob, RoomEvent.RoleChanged.class)).extracting(c -> c.participant().role())
                .containsExactly(Role.HOST, Role.CO_HOST);
    }

    @Test
    void when_the_host_leaves_a_co_host_takes_over_before_anyone_who_came_earlier() {
        RoomId standup = chat.aRoom("Standup");
        Seated ann = chat.join(standup, "Ann");
        Seated bob = joinLater(standup, "Bob");
        Seated cid = joinLater(standup, "Cid");
        assign(ann, cid, Role.CO_HOST);
        chat.notifier.forget();

        chat.membership.leaveRoom(ann.connection());

        assertThat(roleOf(cid)).isEqualTo(Role.HOST);
        assertThat(roleOf(bob)).isEqualTo(Role.PARTICIPANT);
        assertThat(chat.eventsTo(bob, RoomEvent.RoleChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.by()).isEmpty());
    }

    @Test
    void when_the_last_host_leaves_the_longest_present_participant_hosts() {
        RoomId standup = chat.aRoom("Standup");
        Seated ann = chat.join(standup, "Ann");
        Seated bob = joinLater(standup, "Bob");
        Seated cid = joinLater(standup, "Cid");
        chat.notifier.forget();

        chat.membership.leaveRoom(ann.connection());

        assertThat(roleOf(bob)).isEqualTo(Role.HOST);
        assertThat(roleOf(cid)).isEqualTo(Role.PARTICIPANT);
        assertThat(chat.eventsTo(cid)).containsSubsequence(
                new RoomEvent.ParticipantLeft(standup, ann.id(), com.chatforyou.domain.model.LeaveReason.LEFT),
                new RoomEvent.RoleChanged(standup, chat.asTheRoomHas(bob), Optional.empty()));
    }

    @Test
    void with_handover_none_the_room_has_no_host_once_the_last_host_left() {
        RoomServiceFixture noHandover = new RoomServiceFixture(
                new HostSettings(HostHandover.NONE, HostSettings.DEFAULT_REMOVAL_BAN));
        RoomId standup = noHandover.aRoom("Standup");
        Seated ann = noHandover.join(standup, "Ann");
        noHandover.clock.advance(Duration.ofMinutes(1));
        Seated bob = noHandover.join(standup, "Bob");
        noHandover.clock.advance(Duration.ofMinutes(1));
        Seated cid = noHandover.join(standup, "Cid");

        noHandover.membership.leaveRoom(ann.connection());

        assertThat(noHandover.room(standup).hosts()).isEmpty();
        assertThat(noHandover.eventsTo(bob, RoomEvent.RoleChanged.class)).isEmpty();
        assertThat(noHandover.theOnlyJoinedTo(noHandover.join(standup, "Dee")).self().role())
                .isEqualTo(Role.PARTICIPANT);
        assertThat(noHandover.asTheRoomHas(cid).role()).isEqualTo(Role.PARTICIPANT);
    }

    // ---- reconnecting ----

    @Test
    void a_host_who_resumes_is_still_the_host_and_nobody_took_over_meanwhile() {
        RoomId standup = chat.aRoom("Standup");
        Seated ann = chat.join(standup, "Ann");
        Seated bob = joinLater(standup, "Bob");
        String token = chat.theOnlyJoinedTo(ann).resumeToken();
        ConnectionId annsNewConnection = new ConnectionId("conn-ann-2");

        chat.membership.connectionLost(ann.connection());
        chat.clock.advance(Duration.ofSeconds(10));
        chat.membership.releaseExpiredSeats();
        chat.membership.resumeSeat(new ResumeSeatCommand(annsNewConnection, standup, ann.id(), token));

        RoomEvent.Joined resumed = chat.notifier.theOnly(RoomEvent.Joined.class, annsNewConnection);
        assertThat(resumed.self().role()).isEqualTo(Role.HOST);
        assertThat(roleOf(bob)).isEqualTo(Role.PARTICIPANT);
        assertThat(chat.eventsTo(bob, RoomEvent.RoleChanged.class)).isEmpty();
    }

    @Test
    void a_host_whose_reconnect_never_came_hands_the_room_over() {
        RoomId standup = chat.aRoom("Standup");
        Seated ann = chat.join(standup, "Ann");
        Seated bob = joinLater(standup, "Bob");

        chat.loseConnectionPastGrace(ann);

        assertThat(roleOf(bob)).isEqualTo(Role.HOST);
    }
}
