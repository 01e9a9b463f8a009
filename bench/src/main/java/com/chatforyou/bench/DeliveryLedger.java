package com.chatforyou.bench;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who received which chat message. Every message is tagged {@code s<sender>:<seq>}; each receiver
 * keeps, per sender of its room, the sequence numbers seen, which gives lost, duplicated, out-of-order
 * and misrouted (from outside the room) counts. One receiver's entries are only touched by its own
 * connection's callbacks, which never run concurrently.
 */
final class DeliveryLedger {

    private final int roomSize;
    private final BitSet[][] seen;
    private final int[][] highest;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong misrouted = new AtomicLong();
    /** Receivers whose deliveries are owed; a late joiner outside it must not hide a loss elsewhere. */
    private final BitSet counted;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile long firstSentNanos;
    private volatile long lastDeliveredNanos;

    DeliveryLedger(int participants, int roomSize, BitSet counted) {
        this.roomSize = roomSize;
        this.counted = counted;
        this.seen = new BitSet[participants][roomSize];
        this.highest = new int[participants][roomSize];
    }

    static String tag(int sender, int seq) {
        return "s" + sender + ":" + seq;
    }

    void sending(int count) {
        if (firstSentNanos == 0) {
            firstSentNanos = System.nanoTime();
        }
        sent.addAndGet(count);
    }

    void refusedOne() {
        refused.incrementAndGet();
    }

    void received(int receiver, String text) {
        if (!counted.get(receiver)) {
            return;
        }
        lastDeliveredNanos = System.nanoTime();
        delivered.incrementAndGet();
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 2 || text.charAt(0) != 's') {
            misrouted.incrementAndGet();
            return;
        }
        int sender = Integer.parseInt(text, 1, colon, 10);
        int seq = Integer.parseInt(text, colon + 1, text.length(), 10);
        int slot = sender - (receiver / roomSize) * roomSize;
        if (slot < 0 || slot >= roomSize) {
            misrouted.incrementAndGet();
            return;
        }
        BitSet seenFromSender = seen[receiver][slot];
        if (seenFromSender == null) {
            seenFromSender = new BitSet();
            seen[receiver][slot] = seenFromSender;
        }
        if (seenFromSender.get(seq)) {
            duplicated.incrementAndGet();
            return;
        }
        seenFromSender.set(seq);
        if (seq < highest[receiver][slot]) {
            outOfOrder.incrementAndGet();
        } else {
            highest[receiver][slot] = seq;
        }
    }

    long delivered() {
        return delivered.get();
    }

    long sent() {
        return sent.get();
    }

    long refused() {
        return refused.get();
    }

    long duplicated() {
        return duplicated.get();
    }

    long outOfOrder() {
        return outOfOrder.get();
    }

    long misrouted() {
        return misrouted.get();
    }

    double seconds() {
        long first = firstSentNanos;
        long last = lastDeliveredNanos;
        return first == 0 || last <= first ? 0 : (last - first) / 1e9;
    }
}
