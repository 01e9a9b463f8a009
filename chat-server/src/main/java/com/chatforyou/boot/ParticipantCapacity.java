package com.chatforyou.boot;

import com.chatforyou.domain.model.ChatText;
import com.chatforyou.domain.model.Room;
import java.util.Locale;
import java.util.Optional;

/**
 * How many participants a heap holds, from the costs that {@code ./bench.sh} measures (docs/benchmarks.md):
 * live data may take {@value #LIVE_SHARE_PERCENT} % of the maximum heap, the rest is room for the collector
 * and for garbage between collections. From that share come the idle server, a full chat history for every
 * room the server allows, and then one allowance per participant.
 *
 * @param maxHeapBytes the JVM's maximum heap ({@code Runtime.maxMemory()})
 * @param maxRooms     {@code chatforyou.rooms.max-rooms}
 */
record ParticipantCapacity(long maxHeapBytes, int maxRooms) {
    static final long MIB = 1024 * 1024;
    static final long KIB = 1024;
    static final int LIVE_SHARE_PERCENT = 60;
    /** Measured: 22-28 MB live after start-up; the rest is headroom for what start-up leaves behind. */
    static final long IDLE_SERVER_BYTES = 48 * MIB;
    /**
     * Measured: 39 KB for the connection (container and STOMP) and 2 KB of room state per idle participant in a
     * room of five; the rest for the messages in flight to and from it.
     */
    static final long PARTICIPANT_BYTES = 64 * KIB;
    /** The chat history a room keeps, every message at the length limit in two-byte characters, and the room. */
    static final long ROOM_BYTES = Room.CHAT_HISTORY_SIZE * (ChatText.MAX_LENGTH * 2L + 512) + 16 * KIB;

    static ParticipantCapacity ofThisJvm(int maxRooms) {
        return new ParticipantCapacity(Runtime.getRuntime().maxMemory(), maxRooms);
    }

    /** The participants this heap holds; zero when the rooms alone take the share. */
    int participants() {
        long forParticipants = maxHeapBytes / 100 * LIVE_SHARE_PERCENT - IDLE_SERVER_BYTES - maxRooms * ROOM_BYTES;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, forParticipants / PARTICIPANT_BYTES));
    }

    /** The cap to use: the configured one, or the derived one when none is configured. */
    int cap(Integer configured) {
        return configured != null ? configured : Math.max(1, participants());
    }

    /**
     * Connections allowed for a participant cap: a quarter more (at least 64), for people in the lobby and
     * between a lost connection and its resume. An idle connection costs less than a participant's allowance.
     */
    static int connections(int participantCap) {
        return (int) Math.min(Integer.MAX_VALUE, participantCap + Math.max(64L, participantCap / 4L));
    }

    /** For the start-up line: the cap and where it comes from. */
    String describe(Integer configured) {
        if (configured != null) {
            return "max participants " + configured + " (configured; the heap holds about " + participants() + ")";
        }
        return "max participants " + cap(null) + " (derived from the max heap; set chatforyou.rooms.max-participants to override)";
    }

    /** A warning when the configured cap is more than the heap holds. */
    Optional<String> warning(Integer configured) {
        int holds = participants();
        if (configured == null ? holds >= 1 : configured <= holds) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "%s: a max heap of %d MiB holds about %d participants (%d KiB each, after %d MiB for the idle server"
                        + " and %d KiB of chat history for each of the %d rooms, within %d %% of the heap). Under load"
                        + " the server may run out of memory before it refuses anyone: give it more memory, or lower"
                        + " chatforyou.rooms.max-participants or chatforyou.rooms.max-rooms.",
                configured == null ? "The heap holds no participant; 1 is allowed"
                        : "chatforyou.rooms.max-participants is " + configured,
                maxHeapBytes / MIB, holds, PARTICIPANT_BYTES / KIB, IDLE_SERVER_BYTES / MIB, ROOM_BYTES / KIB,
                maxRooms, LIVE_SHARE_PERCENT));
    }
}
