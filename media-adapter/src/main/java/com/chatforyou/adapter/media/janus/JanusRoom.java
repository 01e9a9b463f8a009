package com.chatforyou.adapter.media.janus;

import com.chatforyou.adapter.media.SerialExecutor;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One ChatForYou room's videoroom in Janus and the handle behind each of its links. Only tasks on
 * {@link #janus} touch the fields, so they need no locks; {@link #toDomain} carries what Janus says
 * back to the domain, in order, on other threads.
 */
final class JanusRoom {

    /** The Janus handle behind one link: a publisher (the participant's upstream) or a subscriber. */
    static final class Link {
        final MediaLink link;
        final boolean publishing;
        /** The handle, once attached; 0 before. */
        long handle;
        /** A publisher's own feed id; a subscriber's feed is its publisher's. */
        final long feed;
        /** The server's SDP for this link reached the domain; candidates may follow it. */
        boolean descriptionSent;
        /** Janus' candidates that arrived before its SDP went out. */
        final List<MediaSignal> heldCandidates = new ArrayList<>();
        /** Signals from the participant that arrived before the handle was attached. */
        final List<MediaSignal> early = new ArrayList<>();
        /** Publisher: the first offer went out as publish; later ones are configure. */
        boolean published;
        /** Publisher: Janus reported webrtcup, so subscriptions to the feed work. */
        boolean active;
        /** Subscriber: the join was sent. */
        boolean subscribed;
        /** Publisher: what it publishes, mid to kind (audio, video). */
        final Map<String, String> streamsPublished = new LinkedHashMap<>();
        /** Subscriber: its m-lines and the feed stream each carries. */
        final List<ViewerStream> streams = new ArrayList<>();
        boolean closed;

        Link(MediaLink link, boolean publishing, long feed) {
            this.link = link;
            this.publishing = publishing;
            this.feed = feed;
        }
    }

    /** One m-line of a subscription: its own mid and kind, and the publisher stream behind it. */
    record ViewerStream(String mid, String kind, long feed, String feedMid) {
    }

    final RoomId id;
    /** Janus requests for this room, in order. */
    final SerialExecutor janus;
    /** Calls into the domain for this room, in order; never waited on by anyone. */
    final SerialExecutor toDomain;

    /** The Janus session the videoroom and every handle below belong to; 0 before the first. */
    long session;
    /** The videoroom's id, secret and pin: random, so no other API user can find, join or destroy it. */
    long number;
    String secret;
    String pin;
    /** The placeholder publisher Janus keeps in the room, so viewers can negotiate before their feed is up. */
    long dummyFeed;
    /** The create request in flight or done, for {@link #session}. */
    CompletableFuture<Void> created;
    final Map<LinkId, Link> links = new LinkedHashMap<>();
    /** The publishing link of each participant who sends media. */
    final Map<ParticipantId, Link> publishers = new HashMap<>();
    /** What each participant sends, as of the latest plan. */
    final Map<ParticipantId, MediaCapabilities> sends = new HashMap<>();

    JanusRoom(RoomId id, Executor pool) {
        this.id = id;
        this.janus = new SerialExecutor(pool);
        this.toDomain = new SerialExecutor(pool);
    }

    /** The subscriber links that receive {@code publisher}'s feed. */
    List<Link> viewersOf(ParticipantId publisher) {
        return links.values().stream().filter(l -> !l.publishing && l.link.publisher().equals(publisher)).toList();
    }

    /** Drops every reference, as when Janus lost the objects with its session. */
    void forget() {
        links.values().forEach(link -> link.closed = true);
        links.clear();
        publishers.clear();
        session = 0;
        number = 0;
        dummyFeed = 0;
        created = null;
    }
}
