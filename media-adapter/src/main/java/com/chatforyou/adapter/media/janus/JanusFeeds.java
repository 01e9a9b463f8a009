package com.chatforyou.adapter.media.janus;

import static com.chatforyou.adapter.media.janus.JanusRequests.body;
import static com.chatforyou.adapter.media.janus.JanusRequests.jsep;
import static com.chatforyou.adapter.media.janus.JanusRequests.unwrap;

import com.chatforyou.adapter.media.janus.JanusRoom.Link;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.SessionDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Janus handle behind each link of a room: a publisher handle per sending participant, a
 * subscriber handle per viewer and publisher. Publishers join and publish on the browser's offer;
 * viewers subscribe (to the placeholder feed until the real one is up) and answer Janus' offer.
 * Everything here runs on the room's own executor.
 */
final class JanusFeeds {
    private static final System.Logger LOG = System.getLogger(JanusFeeds.class.getName());
    /** The placeholder feed's m-lines, in the order of the room's codecs (opus, then VP8). */
    private static final String DUMMY_AUDIO_MID = "0";
    private static final String DUMMY_VIDEO_MID = "1";

    /** Where Janus' SDP and candidates for a link go: to the domain, in order. */
    interface ToDomain {
        void signal(JanusRoom room, Link link, MediaSignal signal);
    }

    private final JanusConnection connection;
    private final JanusVideorooms videorooms;
    private final ToDomain toDomain;

    JanusFeeds(JanusConnection connection, JanusVideorooms videorooms, ToDomain toDomain) {
        this.connection = connection;
        this.videorooms = videorooms;
        this.toDomain = toDomain;
    }

    /** Attaches a handle per link and joins the publishers; viewers subscribe once their feed is up. */
    CompletableFuture<Void> openLinks(JanusRoom room, long session, List<MediaLink> links) {
        CompletableFuture<Void> videoroom = videorooms.ensure(room, session);
        List<CompletableFuture<?>> ready = new ArrayList<>();
        List<Link> opened = new ArrayList<>();
        for (MediaLink link : links) {
            boolean publishing = link.offerer().is(link.publisher()) || link.answerer().is(link.publisher());
            Link opening = new Link(link, publishing, publishing ? videorooms.randomId() : 0);
            room.links.put(link.id(), opening);
            if (publishing) {
                room.publishers.put(link.publisher(), opening);
            }
            opened.add(opening);
        }
        for (Link opening : opened) {
            CompletableFuture<Long> handle = videoroom.thenCompose(created -> connection.attach(session,
                    event -> room.janus.execute(() -> handleEvent(room, opening, event))));
            CompletableFuture<?> step = handle.thenAcceptAsync(id -> attached(room, session, opening, id), room.janus);
            if (opening.publishing) {
                step = handle.thenCompose(id -> connection.message(session, id, joinAsPublisher(room, opening), null));
            }
            ready.add(step);
        }
        return CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new));
    }

    private ObjectNode joinAsPublisher(JanusRoom room, Link link) {
        ObjectNode join = body("join");
        join.put("ptype", "publisher");
        join.put("room", room.number);
        join.put("pin", room.pin);
        join.put("id", link.feed);
        return join;
    }

    /** Runs on the room's executor once the link's handle exists. */
    private void attached(JanusRoom room, long session, Link link, long handle) {
        if (link.closed || room.session != session) {
            connection.detach(session, handle);
            return;
        }
        link.handle = handle;
        List<MediaSignal> early = List.copyOf(link.early);
        link.early.clear();
        early.forEach(signal -> relay(room, link.link, signal));
        if (!link.publishing) {
            subscribe(room, link);
        }
    }

    /**
     * Joins a viewer's handle as subscriber: to its publisher's feed when that is up, otherwise to the
     * room's placeholder feed (only the kinds the publisher sends), switched over at the feed's webrtcup.
     * Either way Janus offers at once, so the viewer's link negotiates alongside the publisher's.
     */
    private void subscribe(JanusRoom room, Link viewer) {
        if (viewer.subscribed || viewer.handle == 0 || viewer.closed) {
            return;
        }
        Link source = room.publishers.get(viewer.link.publisher());
        ObjectNode join = body("join");
        join.put("ptype", "subscriber");
        join.put("room", room.number);
        join.put("pin", room.pin);
        ArrayNode streams = join.putArray("streams");
        if (source != null && source.active) {
            streams.addObject().put("feed", source.feed);
        } else if (room.dummyFeed != 0) {
            MediaCapabilities sends = room.sends.getOrDefault(viewer.link.publisher(), MediaCapabilities.AUDIO_VIDEO);
            if (sends.sendsAudio() || !sends.sendsVideo()) {
                streams.addObject().put("feed", room.dummyFeed).put("mid", DUMMY_AUDIO_MID);
            }
            if (sends.sendsVideo()) {
                streams.addObject().put("feed", room.dummyFeed).put("mid", DUMMY_VIDEO_MID);
            }
        } else {
            return; // no placeholder: wait for the feed's webrtcup
        }
        viewer.subscribed = true;
        long session = room.session;
        connection.message(session, viewer.handle, join, null).whenCompleteAsync((reply, failure) -> {
            if (failure != null) {
                viewer.subscribed = false;
                LOG.log(System.Logger.Level.WARNING, "Subscribing {0} to {1} failed: {2}", viewer.link.id(),
                        viewer.link.publisher(), String.valueOf(unwrap(failure)));
                return;
            }
            takeOffer(room, viewer, reply);
            Link feed = room.publishers.get(viewer.link.publisher());
            if (feed != null && feed.active) {
                followFeed(room, viewer, feed);
            }
        }, room.janus);
    }

    /**
     * Brings a viewer in line with its publisher's feed: m-lines still on the placeholder switch to the
     * feed (no renegotiation), kinds the feed added are subscribed and kinds it dropped unsubscribed
     * (Janus then offers anew).
     */
    private void followFeed(JanusRoom room, Link viewer, Link publisher) {
        if (!viewer.subscribed || viewer.closed || !publisher.active) {
            return;
        }
        Map<String, String> unused = new LinkedHashMap<>(publisher.streamsPublished);
        List<JanusRoom.ViewerStream> onPlaceholder = new ArrayList<>();
        Set<String> dropped = new LinkedHashSet<>();
        for (JanusRoom.ViewerStream stream : viewer.streams) {
            if (stream.feed() == publisher.feed) {
                if (unused.remove(stream.feedMid()) == null) {
                    dropped.add(stream.feedMid());
                }
            } else if (stream.feed() == room.dummyFeed) {
                onPlaceholder.add(stream);
            }
        }
        ArrayNode switches = JanusSocket.JSON.createArrayNode();
        for (JanusRoom.ViewerStream stream : onPlaceholder) {
            String match = unused.entrySet().stream().filter(e -> e.getValue().equals(stream.kind()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (match != null) {
                unused.remove(match);
                switches.addObject().put("feed", publisher.feed).put("mid", match).put("sub_mid", stream.mid());
            }
        }
        long session = room.session;
        if (!switches.isEmpty()) {
            ObjectNode change = body("switch");
            change.set("streams", switches);
            connection.message(session, viewer.handle, change, null).whenCompleteAsync((reply, failure) -> {
                if (failure != null) {
                    logFailure("switch", viewer, failure);
                    return;
                }
                takeOffer(room, viewer, reply);
                followFeed(room, viewer, publisher);
            }, room.janus);
            return;
        }
        if (unused.isEmpty() && dropped.isEmpty()) {
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, "Viewer {0} of {1}: subscribing {2}, unsubscribing {3}", viewer.link.id(),
                publisher.link.id(), unused.keySet(), dropped);
        ObjectNode update = body("update");
        if (!unused.isEmpty()) {
            ArrayNode subscribe = update.putArray("subscribe");
            unused.keySet().forEach(mid -> subscribe.addObject().put("feed", publisher.feed).put("mid", mid));
        }
        if (!dropped.isEmpty()) {
            ArrayNode unsubscribe = update.putArray("unsubscribe");
            dropped.forEach(mid -> unsubscribe.addObject().put("feed", publisher.feed).put("mid", mid));
        }
        // Marked now, so a second change before Janus' reply does not ask twice.
        viewer.streams.removeIf(stream -> stream.feed() == publisher.feed && dropped.contains(stream.feedMid()));
        unused.forEach((mid, kind) -> viewer.streams.add(new JanusRoom.ViewerStream("?", kind, publisher.feed, mid)));
        connection.message(session, viewer.handle, update, null).whenCompleteAsync((reply, failure) -> {
            if (failure != null) {
                logFailure("update", viewer, failure);
                return;
            }
            takeOffer(room, viewer, reply);
        }, room.janus);
    }

    /** A reply or event that carries Janus' offer for a viewer: the streams it subscribes, then the SDP. */
    private void takeOffer(JanusRoom room, Link viewer, JsonNode message) {
        if (viewer.closed) {
            return;
        }
        JsonNode streams = message.path("plugindata").path("data").path("streams");
        if (streams.isArray() && !streams.isEmpty()) {
            viewer.streams.clear();
            for (JsonNode stream : streams) {
                if (stream.path("active").asBoolean(true) && stream.has("feed_id")) {
                    viewer.streams.add(new JanusRoom.ViewerStream(stream.path("mid").asString(),
                            stream.path("type").asString(), stream.path("feed_id").asLong(),
                            stream.path("feed_mid").asString()));
                }
            }
        }
        JsonNode jsep = message.path("jsep");
        if ("offer".equals(jsep.path("type").asString())) {
            sendDescription(room, viewer, SessionDescription.Type.OFFER, jsep.path("sdp").asString());
        }
    }

    private void sendDescription(JanusRoom room, Link link, SessionDescription.Type type, String sdp) {
        SessionDescription description;
        try {
            description = new SessionDescription(type, sdp);
        } catch (ChatException e) {
            LOG.log(System.Logger.Level.WARNING, "Janus SDP on {0} refused: {1}", link.link.id(), e.getMessage());
            return;
        }
        toDomain.signal(room, link, description);
        link.descriptionSent = true;
        List<MediaSignal> held = List.copyOf(link.heldCandidates);
        link.heldCandidates.clear();
        held.forEach(candidate -> toDomain.signal(room, link, candidate));
    }

    /** Runs on the room's executor: what a participant said on a link ending at Janus. */
    void relay(JanusRoom room, MediaLink mediaLink, MediaSignal signal) {
        Link link = room.links.get(mediaLink.id());
        if (link == null || link.closed || !connection.isCurrent(room.session)) {
            LOG.log(System.Logger.Level.DEBUG, "Signal on {0} dropped: no handle in this Janus session", mediaLink.id());
            return;
        }
        if (link.handle == 0) {
            link.early.add(signal);
            return;
        }
        long session = room.session;
        if (signal instanceof SessionDescription description) {
            if (link.publishing && description.type() == SessionDescription.Type.OFFER) {
                publish(room, link, description.sdp());
            } else if (!link.publishing && description.type() == SessionDescription.Type.ANSWER) {
                connection.message(session, link.handle, body("start"), jsep("answer", description.sdp()))
                        .whenComplete((reply, failure) -> logFailure("start", link, failure));
            } else {
                LOG.log(System.Logger.Level.DEBUG, "{0} on {1} ignored: Janus {2} here", description.type(),
                        mediaLink.id(), link.publishing ? "answers" : "offers");
            }
        } else if (signal instanceof IceCandidate candidate) {
            ObjectNode trickled = null;
            if (!candidate.candidate().isEmpty()) {
                trickled = JanusSocket.JSON.createObjectNode();
                trickled.put("candidate", candidate.candidate());
                if (candidate.sdpMid() != null) {
                    trickled.put("sdpMid", candidate.sdpMid());
                }
                if (candidate.sdpMLineIndex() != null) {
                    trickled.put("sdpMLineIndex", candidate.sdpMLineIndex());
                }
            }
            connection.trickle(session, link.handle, trickled)
                    .whenComplete((reply, failure) -> logFailure("trickle", link, failure));
        }
    }

    /** The first offer publishes; a later one (new tracks, ICE restart) reconfigures the publisher. */
    private void publish(JanusRoom room, Link link, String sdp) {
        ObjectNode request = body(link.published ? "configure" : "publish");
        link.published = true;
        long session = room.session;
        connection.message(session, link.handle, request, jsep("offer", sdp)).whenCompleteAsync((reply, failure) -> {
            if (failure != null) {
                logFailure("publish", link, failure);
                return;
            }
            if (link.closed) {
                return;
            }
            JsonNode answer = reply.path("jsep");
            if ("answer".equals(answer.path("type").asString())) {
                sendDescription(room, link, SessionDescription.Type.ANSWER, answer.path("sdp").asString());
            }
            publishedStreams(room, link, reply.path("plugindata").path("data").path("streams"));
        }, room.janus);
    }

    /** Records what the publisher now sends and brings every viewer's subscription in line with it. */
    private void publishedStreams(JanusRoom room, Link publisher, JsonNode streams) {
        if (!streams.isArray()) {
            return;
        }
        Map<String, String> now = new LinkedHashMap<>();
        for (JsonNode stream : streams) {
            if (!stream.path("disabled").asBoolean(false) && stream.has("mid")) {
                now.put(stream.path("mid").asString(), stream.path("type").asString());
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "Link {0} publishes {1}", publisher.link.id(), now);
        if (now.equals(publisher.streamsPublished)) {
            return;
        }
        publisher.streamsPublished.clear();
        publisher.streamsPublished.putAll(now);
        for (Link viewer : room.viewersOf(publisher.link.publisher())) {
            followFeed(room, viewer, publisher);
        }
    }

    /** Runs on the room's executor: an event Janus sent about one link's handle. */
    private void handleEvent(JanusRoom room, Link link, JsonNode event) {
        if (link.closed) {
            return;
        }
        String type = event.path("janus").asString();
        switch (type) {
            case "trickle" -> {
                JsonNode candidate = event.path("candidate");
                if (candidate.path("completed").asBoolean(false) || !candidate.has("candidate")) {
                    return;
                }
                IceCandidate found;
                try {
                    found = new IceCandidate(candidate.path("candidate").asString(),
                            candidate.has("sdpMid") ? candidate.path("sdpMid").asString() : null,
                            candidate.has("sdpMLineIndex") ? candidate.path("sdpMLineIndex").asInt() : null);
                } catch (ChatException e) {
                    LOG.log(System.Logger.Level.DEBUG, "Janus candidate dropped: {0}", e.getMessage());
                    return;
                }
                if (link.descriptionSent) {
                    toDomain.signal(room, link, found);
                } else {
                    link.heldCandidates.add(found);
                }
            }
            case "webrtcup" -> {
                if (link.publishing && !link.active) {
                    link.active = true;
                    for (Link viewer : room.viewersOf(link.link.publisher())) {
                        if (viewer.subscribed) {
                            followFeed(room, viewer, link);
                        } else {
                            subscribe(room, viewer);
                        }
                    }
                }
            }
            case "hangup" -> LOG.log(System.Logger.Level.INFO, "Janus hung up link {0}: {1}", link.link.id(),
                    event.path("reason").asString());
            case "media", "slowlink" -> LOG.log(System.Logger.Level.DEBUG, "Janus {0} on link {1}: {2}", type,
                    link.link.id(), event);
            case "event" -> {
                // Janus renegotiates a viewer by itself when its publisher's streams change.
                if (!link.publishing && event.has("jsep")) {
                    takeOffer(room, link, event);
                }
            }
            default -> LOG.log(System.Logger.Level.DEBUG, "Janus {0} on link {1}", type, link.link.id());
        }
    }

    /** Runs on the room's executor: the link is gone; its handle goes with it. */
    void close(JanusRoom room, MediaLink mediaLink) {
        Link link = room.links.remove(mediaLink.id());
        if (link == null) {
            return;
        }
        link.closed = true;
        room.publishers.remove(mediaLink.publisher(), link);
        if (link.handle != 0 && connection.isCurrent(room.session)) {
            connection.detach(room.session, link.handle).whenComplete((reply, failure) -> logFailure("detach", link, failure));
        }
    }

    private static void logFailure(String what, Link link, Throwable failure) {
        if (failure != null) {
            LOG.log(System.Logger.Level.WARNING, "Janus {0} on link {1} failed: {2}", what, link.link.id(),
                    String.valueOf(unwrap(failure)));
        }
    }
}
