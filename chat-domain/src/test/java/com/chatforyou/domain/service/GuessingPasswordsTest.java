package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.fixtures.HeldTasks;
import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand;
import com.chatforyou.domain.port.in.SetRoomPasswordUseCase.SetRoomPasswordCommand;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The password rules for a server on the open internet: bounded hashing, backoff per client and per room. */
class GuessingPasswordsTest {
    private static final ClientAddress GUESSER = new ClientAddress("198.51.100.7");
    private static final ClientAddress HOST = new ClientAddress("203.0.113.20");

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId board = chat.aLockedRoom("Board", "s3cret");
    private int attempts;

    private CompletionStage<Optional<ParticipantId>> attempt(RoomId room, ClientAddress from, String password) {
        attempts++;
        return chat.membership.joinRoom(new JoinRoomCommand(RoomServiceFixture.connectionOf("p" + attempts), room,
                "Guest " + attempts, password, MediaCapabilities.RECEIVE_ONLY, null, from));
    }

    private ErrorCode refusalOfAttempt(RoomId room, ClientAddress from, String password) {
        return refusalOf(() -> attempt(room, from, password).toCompletableFuture().join());
    }

    @Test
    void five_wrong_passwords_from_one_address_cost_nothing_more() {
        for (int i = 0; i < 5; i++) {
            assertThat(refusalOfAttempt(board, GUESSER, "guess" + i)).isEqualTo(ErrorCode.WRONG_PASSWORD);
        }
    }

    @Test
    void after_five_failures_an_address_waits_a_delay_that_doubles() {
        for (int i = 0; i < 6; i++) {
            refusalOfAttempt(board, GUESSER, "guess" + i);
        }
        assertThat(refusalOfAttempt(board, GUESSER, "s3cret")).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);

        chat.clock.advance(Duration.ofSeconds(1));
        assertThat(refusalOfAttempt(board, GUESSER, "guess6")).isEqualTo(ErrorCode.WRONG_PASSWORD);
        chat.clock.advance(Duration.ofSeconds(1));
        assertThat(refusalOfAttempt(board, GUESSER, "guess7")).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        chat.clock.advance(Duration.ofSeconds(1));
        assertThat(refusalOfAttempt(board, GUESSER, "guess7")).isEqualTo(ErrorCode.WRONG_PASSWORD);
    }

    @Test
    void the_refusal_says_how_long_to_wait() {
        for (int i = 0; i < 9; i++) {
            chat.clock.advance(Duration.ofMinutes(1));
            refusalOfAttempt(board, GUESSER, "guess" + i);
        }
        Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(
                () -> attempt(board, GUESSER, "again").toCompletableFuture().join());
        assertThat(refusal).hasMessageContaining("try again in 8 s");
    }

    @Test
    void a_backed_off_address_does_not_hold_up_another_address() {
        for (int i = 0; i < 6; i++) {
            refusalOfAttempt(board, GUESSER, "guess" + i);
        }

        attempt(board, HOST, "s3cret").toCompletableFuture().join();

        assertThat(chat.headCount(board)).isEqualTo(1);
    }

    @Test
    void the_right_password_resets_the_address() {
        for (int i = 0; i < 5; i++) {
            refusalOfAttempt(board, HOST, "typo" + i);
        }
        attempt(board, HOST, "s3cret").toCompletableFuture().join();
        RoomId other = chat.aLockedRoom("Other", "pa55");

        for (int i = 0; i < 5; i++) {
            assertThat(refusalOfAttempt(other, HOST, "typo" + i)).isEqualTo(ErrorCode.WRONG_PASSWORD);
        }
    }

    @Test
    void many_addresses_guessing_one_room_back_the_room_off() {
        for (int i = 0; i < 21; i++) {
            refusalOfAttempt(board, new ClientAddress("198.51.100." + i), "guess");
        }

        assertThat(refusalOfAttempt(board, HOST, "s3cret")).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        RoomId other = chat.aLockedRoom("Other", "pa55");
        attempt(other, HOST, "pa55").toCompletableFuture().join();
        assertThat(chat.headCount(other)).isEqualTo(1);

        chat.clock.advance(AttemptBackoff.PER_ROOM.maxDelay());
        attempt(board, HOST, "s3cret").toCompletableFuture().join();
        assertThat(chat.headCount(board)).isEqualTo(1);
    }

    @Test
    void a_room_waits_at_most_its_longest_delay() {
        assertThat(AttemptBackoff.PER_ROOM.delayAfter(1000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(AttemptBackoff.PER_CLIENT.delayAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_join_to_a_locked_room_is_seated_only_once_the_worker_checked_the_password() {
        HeldTasks worker = new HeldTasks(4);
        RoomServiceFixture guarded = new RoomServiceFixture(Safeguards.DEFAULTS.withPasswordWorker(worker));
        worker.runAll();
        RoomId room = guarded.aRoom("Open");
        RoomId locked = createLocked(guarded, worker, "Locked", "s3cret");

        var join = guarded.membership.joinRoom(RoomServiceFixture.joiningWithPassword(locked, "Ann", "s3cret"));
        guarded.join(room, "Bob");

        assertThat(join.toCompletableFuture().isDone()).isFalse();
        assertThat(guarded.headCount(room)).isEqualTo(1);
        worker.runAll();
        assertThat(join.toCompletableFuture().join()).isNotNull();
        assertThat(guarded.headCount(locked)).isEqualTo(1);
    }

    @Test
    void when_the_worker_and_its_queue_are_full_a_join_is_refused_at_once() {
        HeldTasks worker = new HeldTasks(2);
        RoomServiceFixture guarded = new RoomServiceFixture(Safeguards.DEFAULTS.withPasswordWorker(worker)
                .withRoomQuotas(new RoomQuotas(100, 100)));
        RoomId first = createLocked(guarded, worker, "First", "s3cret");
        RoomId second = createLocked(guarded, worker, "Second", "s3cret");
        RoomId third = createLocked(guarded, worker, "Third", "s3cret");
        joinFrom(guarded, first, "Ann", "x", "192.0.2.1");
        joinFrom(guarded, second, "Bob", "y", "192.0.2.2");

        assertThat(refusalOf(() -> joinFrom(guarded, third, "Cid", "s3cret", "192.0.2.3")))
                .isEqualTo(ErrorCode.PASSWORD_CHECKS_BUSY);
        assertThat(refusalOf(() -> guarded.lobby.createRoom(
                new com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand("More", null, "pw"))))
                .isEqualTo(ErrorCode.PASSWORD_CHECKS_BUSY);
        worker.runAll();
        joinFrom(guarded, third, "Cid", "s3cret", "192.0.2.3");
        worker.runAll();
        assertThat(guarded.headCount(third)).isEqualTo(1);
    }

    @Test
    void guesses_at_one_room_hold_at_most_two_places_so_another_room_gets_checked() {
        HeldTasks worker = new HeldTasks(8);
        RoomServiceFixture guarded = new RoomServiceFixture(Safeguards.DEFAULTS.withPasswordWorker(worker));
        RoomId target = createLocked(guarded, worker, "Target", "s3cret");
        RoomId board = createLocked(guarded, worker, "Board", "b0ard");
        joinFrom(guarded, target, "G1", "x", "198.51.100.1");
        joinFrom(guarded, target, "G2", "x", "198.51.100.2");

        assertThat(refusalOf(() -> joinFrom(guarded, target, "G3", "x", "198.51.100.3")))
                .isEqualTo(ErrorCode.PASSWORD_CHECKS_BUSY);
        var ann = joinFrom(guarded, board, "Ann", "b0ard", "203.0.113.1");
        worker.runAll();
        assertThat(ann.toCompletableFuture().join()).isPresent();
        assertThat(worker.waiting()).isZero();
        // Once checked, the places are free again.
        joinFrom(guarded, target, "G3", "x", "198.51.100.3");
        assertThat(worker.waiting()).isEqualTo(1);
    }

    @Test
    void one_address_has_at_most_two_checks_in_flight() {
        HeldTasks worker = new HeldTasks(8);
        RoomServiceFixture guarded = new RoomServiceFixture(Safeguards.DEFAULTS.withPasswordWorker(worker));
        RoomId a = createLocked(guarded, worker, "A", "s3cret");
        RoomId b = createLocked(guarded, worker, "B", "s3cret");
        RoomId c = createLocked(guarded, worker, "C", "s3cret");
        joinFrom(guarded, a, "G1", "x", "198.51.100.1");
        joinFrom(guarded, b, "G2", "x", "198.51.100.1");

        assertThat(refusalOf(() -> joinFrom(guarded, c, "G3", "x", "198.51.100.1")))
                .isEqualTo(ErrorCode.PASSWORD_CHECKS_BUSY);
    }

    @Test
    void a_hosts_new_password_is_hashed_on_the_worker_and_set_once_hashed() {
        HeldTasks worker = new HeldTasks(1);
        RoomServiceFixture guarded = new RoomServiceFixture(Safeguards.DEFAULTS.withPasswordWorker(worker));
        RoomId open = guarded.aRoom("Open");
        var host = guarded.join(open, "Host");

        var setting = guarded.access.setRoomPassword(new SetRoomPasswordCommand(host.connection(), open, "n3w"));
        assertThat(guarded.room(open).policy().passwordRequired()).as("before the worker ran").isFalse();
        assertThat(refusalOf(() -> guarded.access.setRoomPassword(
                new SetRoomPasswordCommand(host.connection(), open, "other")))).isEqualTo(ErrorCode.PASSWORD_CHECKS_BUSY);
        worker.runAll();

        assertThat(setting.toCompletableFuture().join()).isNull();
        assertThat(guarded.room(open).policy().passwordRequired()).isTrue();
        assertThat(guarded.listed(open).orElseThrow().passwordRequired()).isTrue();
    }

    private static CompletionStage<Optional<ParticipantId>> joinFrom(RoomServiceFixture fixture, RoomId room, String name,
                                                          String password, String address) {
        return fixture.membership.joinRoom(new JoinRoomCommand(RoomServiceFixture.connectionOf(name), room, name,
                password, MediaCapabilities.RECEIVE_ONLY, null, new ClientAddress(address)));
    }

    private static RoomId createLocked(RoomServiceFixture fixture, HeldTasks worker, String name, String password) {
        var created = fixture.lobby.createRoom(
                new com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand(name, null, password));
        worker.runAll();
        return created.toCompletableFuture().join().id();
    }
}
