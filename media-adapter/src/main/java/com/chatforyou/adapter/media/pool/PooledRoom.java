package com.chatforyou.adapter.media.pool;

import com.chatforyou.adapter.media.SerialExecutor;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One room as the pool sees it: the server it is placed on, the links that server carries for it, and
 * whether its media is being reset or waits for a server that can take it.
 */
final class PooledRoom {
    final RoomId id;
    /** Resets go to the domain from here, one at a time; nobody waits on it. */
    final SerialExecutor toDomain;
    /** Open links of the room, all on {@link #member}. */
    final Map<LinkId, MediaLink> links = new ConcurrentHashMap<>();

    /** Where the room is placed; changed only while the domain holds the room's lock. */
    volatile PoolMember member;
    /** The last reset could not plan the room's links: it is retried while some server is up. */
    volatile boolean awaitingMedia;
    /** The thread running the domain's reset of this room, so that refusals during it are seen. */
    volatile Thread resetThread;
    volatile boolean resetFailed;

    // Guarded by this.
    private boolean resetQueued;
    private boolean queuedResetMustRun;
    private long nextRetryAt;
    private Duration retryDelay;

    PooledRoom(RoomId id, Executor threads) {
        this.id = id;
        this.toDomain = new SerialExecutor(threads);
    }

    /** Participants whose media the room's server carries: the participant ends of its links. */
    Set<ParticipantId> participants() {
        return links.values().stream()
                .flatMap(link -> Stream.of(link.offerer(), link.answerer()))
                .filter(end -> end instanceof LinkEnd.OfParticipant)
                .map(end -> ((LinkEnd.OfParticipant) end).id())
                .collect(Collectors.toSet());
    }

    /**
     * Queues a reset unless one is queued already. A retry ({@code mustRun} false) is skipped if the room
     * has its media by the time it runs; a reset a server asked for always runs.
     *
     * @return true when the caller must submit the reset
     */
    synchronized boolean queueReset(boolean mustRun) {
        queuedResetMustRun |= mustRun;
        if (resetQueued) {
            return false;
        }
        resetQueued = true;
        return true;
    }

    /** Takes the queued reset: whether it must run even when the room has its media. */
    synchronized boolean takeQueuedReset() {
        boolean mustRun = queuedResetMustRun;
        resetQueued = false;
        queuedResetMustRun = false;
        return mustRun;
    }

    synchronized boolean retryDue(long now) {
        return now - nextRetryAt >= 0;
    }

    /** The next retry after a doubling delay, from {@code first} up to {@code max}. */
    synchronized void retryLater(long now, Duration first, Duration max) {
        retryDelay = retryDelay == null ? first : retryDelay.multipliedBy(2);
        if (retryDelay.compareTo(max) > 0) {
            retryDelay = max;
        }
        nextRetryAt = now + retryDelay.toNanos();
    }

    /** A server came back: retry after {@code delay}, sooner than the back-off would. */
    synchronized void retrySoon(long now, Duration delay) {
        retryDelay = null;
        nextRetryAt = now + delay.toNanos();
    }

    synchronized void mediaBack() {
        awaitingMedia = false;
        retryDelay = null;
    }
}
