package com.chatforyou.domain.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.Capacity;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomName;
import com.chatforyou.domain.model.RoomPolicy;
import com.chatforyou.domain.port.out.RoomStorePort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every room store guarantees the room services: rooms are found by id until removed, and work
 * for one room never overlaps while rooms never wait for each other. Waiting is observed through the
 * waiting thread's state, never through elapsed time.
 */
public abstract class RoomStoreContract {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final RoomStorePort store = newStore();
    private final Room standup = aRoom("standup", "Standup");
    private final Room retro = aRoom("retro", "Retro");
    private final CountDownLatch holderMayGo = new CountDownLatch(1);
    private final List<Thread> started = new ArrayList<>();

    protected abstract RoomStorePort newStore();

    @AfterEach
    void letEveryThreadFinish() throws InterruptedException {
        holderMayGo.countDown();
        for (Thread thread : started) {
            thread.join(PATIENCE.toMillis());
        }
    }

    @Test
    void a_stored_room_is_found_counted_and_listed_until_it_is_removed() {
        store.add(standup);
        store.add(retro);

        assertThat(store.find(standup.id())).containsSame(standup);
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.rooms()).extracting(Room::id).containsExactlyInAnyOrder(standup.id(), retro.id());

        store.inRoom(standup.id(), room -> store.remove(room.id()));

        assertThat(store.find(standup.id())).isEmpty();
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.inRoom(standup.id(), room -> { })).isFalse();
    }

    @Test
    void an_unknown_or_missing_id_finds_nothing_and_runs_no_work() {
        store.add(standup);
        AtomicBoolean ran = new AtomicBoolean();

        assertThat(store.find(new RoomId("nowhere"))).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(store.inRoom(new RoomId("nowhere"), room -> ran.set(true))).isFalse();
        assertThat(store.inRoom(null, room -> ran.set(true))).isFalse();
        assertThat(store.fromRoom(new RoomId("nowhere"), room -> "ran")).isEmpty();
        assertThat(ran).isFalse();
    }

    @Test
    void work_on_a_room_gets_that_room_and_its_result_comes_back() {
        store.add(standup);

        assertThat(store.fromRoom(standup.id(), room -> room.name().value())).contains("Standup");
        assertThat(store.inRoom(standup.id(), room -> assertThat(room.id()).isEqualTo(standup.id()))).isTrue();
    }

    @Test
    void each_room_is_visited_once_and_a_removed_room_not_at_all() {
        store.add(standup);
        store.add(retro);
        store.inRoom(retro.id(), room -> store.remove(room.id()));
        List<RoomId> visited = new ArrayList<>();

        store.forEachRoom(room -> visited.add(room.id()));

        assertThat(visited).containsExactly(standup.id());
    }

    @Test
    void work_may_lock_its_own_room_again_and_another_room_inside() {
        store.add(standup);
        store.add(retro);

        Optional<String> nested = store.fromRoom(standup.id(), outer -> store.fromRoom(standup.id(),
                again -> store.fromRoom(retro.id(), other -> "both")).flatMap(found -> found).orElse("stuck"));

        assertThat(nested).contains("both");
    }

    @Test
    void work_for_one_room_waits_while_other_work_holds_that_room() throws InterruptedException {
        store.add(standup);
        holdTheRoom(standup);
        AtomicBoolean secondRan = new AtomicBoolean();

        Thread second = start(() -> store.inRoom(standup.id(), room -> secondRan.set(true)));
        await("the second work to wait for the room", () -> isWaiting(second));
        assertThat(secondRan).as("ran while the first work held the room").isFalse();

        holderMayGo.countDown();
        second.join(PATIENCE.toMillis());
        assertThat(secondRan).isTrue();
    }

    @Test
    void work_for_another_room_does_not_wait() throws InterruptedException {
        store.add(standup);
        store.add(retro);
        holdTheRoom(standup);
        AtomicBoolean otherRan = new AtomicBoolean();

        Thread other = start(() -> store.inRoom(retro.id(), room -> otherRan.set(true)));
        other.join(PATIENCE.toMillis());

        assertThat(otherRan).as("work on Retro finished while Standup was held").isTrue();
    }

    @Test
    void work_that_waited_for_a_room_removed_meanwhile_finds_nothing() throws InterruptedException {
        store.add(standup);
        CountDownLatch held = new CountDownLatch(1);
        start(() -> store.inRoom(standup.id(), room -> {
            held.countDown();
            awaitQuietly(holderMayGo);
            store.remove(room.id());
        }));
        awaitQuietly(held);
        AtomicBoolean lateRan = new AtomicBoolean();
        AtomicBoolean lateFound = new AtomicBoolean(true);

        Thread late = start(() -> lateFound.set(store.inRoom(standup.id(), room -> lateRan.set(true))));
        await("the late work to wait for the room", () -> isWaiting(late));
        holderMayGo.countDown();
        late.join(PATIENCE.toMillis());

        assertThat(lateFound).isFalse();
        assertThat(lateRan).isFalse();
    }

    private void holdTheRoom(Room room) {
        CountDownLatch held = new CountDownLatch(1);
        start(() -> store.inRoom(room.id(), locked -> {
            held.countDown();
            awaitQuietly(holderMayGo);
        }));
        awaitQuietly(held);
    }

    private Thread start(Runnable work) {
        Thread thread = new Thread(work, "room-store-contract-" + started.size());
        thread.setDaemon(true);
        started.add(thread);
        thread.start();
        return thread;
    }

    private static boolean isWaiting(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("gave up waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Room aRoom(String id, String name) {
        return new Room(new RoomId(id), new RoomName(name), new RoomPolicy(new Capacity(2), Optional.empty()),
                Instant.EPOCH);
    }
}
