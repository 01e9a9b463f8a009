package com.chatforyou.adapter.media.janus;

import static com.chatforyou.adapter.media.janus.JanusRequests.body;
import static com.chatforyou.adapter.media.janus.JanusRequests.unwrap;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The videoroom behind each ChatForYou room on one Janus server: created on the room's first join in
 * the current session, with a random id, secret and pin, and destroyed when the room closes. Room
 * requests go through one handle per session. Called on the room's own executor.
 */
final class JanusVideorooms {
    private static final System.Logger LOG = System.getLogger(JanusVideorooms.class.getName());
    /** Ids stay below 2^53, exact in every JSON parser, and random: nobody can guess a room or a feed. */
    private static final long ID_BOUND = 1L << 53;

    private final JanusConnection connection;
    private final JanusSettings settings;
    private final int maxPublishers;
    private final SecureRandom random = new SecureRandom();
    private final Object controlLock = new Object();
    private long controlSession;
    private CompletableFuture<Long> controlHandle;

    JanusVideorooms(JanusConnection connection, int maxPublishers) {
        this.connection = connection;
        this.settings = connection.settings();
        this.maxPublishers = maxPublishers;
    }

    /** The videoroom exists in the current session: created on the room's first join, with fresh secrets. */
    CompletableFuture<Void> ensure(JanusRoom room, long session) {
        if (room.session == session && room.created != null && !room.created.isCompletedExceptionally()) {
            return room.created;
        }
        if (room.session != 0 && room.session != session) {
            room.forget();
        }
        room.session = session;
        room.created = create(room, session, 3);
        return room.created;
    }

    /** Detaches what is left of the room and destroys its videoroom; forgets the room either way. */
    CompletableFuture<?> destroy(JanusRoom room) {
        long session = room.session;
        long number = room.number;
        String secret = room.secret;
        List<JanusRoom.Link> left = List.copyOf(room.links.values());
        CompletableFuture<Void> created = room.created;
        room.forget();
        if (session == 0 || !connection.isCurrent(session)) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<?>> detached = new ArrayList<>();
        for (JanusRoom.Link link : left) {
            if (link.handle != 0) {
                detached.add(connection.detach(session, link.handle).exceptionally(failure -> null));
            }
        }
        if (created == null || created.isCompletedExceptionally()) {
            return CompletableFuture.allOf(detached.toArray(CompletableFuture[]::new));
        }
        ObjectNode destroy = body("destroy");
        destroy.put("room", number);
        destroy.put("secret", secret);
        destroy.put("permanent", false);
        return CompletableFuture.allOf(detached.toArray(CompletableFuture[]::new))
                .thenCompose(done -> created)
                .thenCompose(done -> control(session))
                .thenCompose(handle -> connection.message(session, handle, destroy, null))
                .whenComplete((reply, failure) -> {
                    Throwable cause = unwrap(failure);
                    if (cause != null && !(cause instanceof JanusException janus && janus.code() == JanusException.NO_SUCH_ROOM)) {
                        LOG.log(System.Logger.Level.WARNING, "Videoroom of {0} not destroyed: {1}", room.id, cause.toString());
                    }
                });
    }

    /** A random id for a videoroom or a publisher's feed. */
    long randomId() {
        return 1 + (random.nextLong() & (ID_BOUND - 1) - 1);
    }

    private CompletableFuture<Void> create(JanusRoom room, long session, int attemptsLeft) {
        room.number = randomId();
        room.secret = randomSecret();
        room.pin = randomSecret();
        ObjectNode create = body("create");
        create.put("room", room.number);
        create.put("secret", room.secret);
        create.put("pin", room.pin);
        create.put("is_private", true);
        create.put("description", "chatforyou");
        create.put("publishers", maxPublishers);
        create.put("permanent", false);
        // Forwarded streams recover from loss faster with a regular keyframe.
        create.put("fir_freq", 10);
        // A placeholder feed (one audio, one video m-line): viewers negotiate at once, then switch to the real feed.
        create.put("dummy_publisher", true);
        if (settings.roomAdminKey() != null) {
            create.put("admin_key", settings.roomAdminKey());
        }
        long number = room.number;
        ObjectNode participants = body("listparticipants");
        participants.put("room", number);
        return control(session).thenCompose(handle -> connection.message(session, handle, create, null)
                        .thenCompose(created -> connection.message(session, handle, participants, null)))
                .handleAsync((reply, failure) -> {
                    Throwable cause = unwrap(failure);
                    if (cause instanceof JanusException janus && janus.code() == JanusException.ROOM_EXISTS
                            && attemptsLeft > 1 && room.session == session) {
                        return create(room, session, attemptsLeft - 1);
                    }
                    if (cause != null) {
                        return CompletableFuture.<Void>failedFuture(cause);
                    }
                    for (JsonNode participant : reply.path("plugindata").path("data").path("participants")) {
                        if (participant.path("dummy").asBoolean(false)) {
                            room.dummyFeed = participant.path("id").asLong();
                        }
                    }
                    LOG.log(System.Logger.Level.DEBUG, "Videoroom {0} created for room {1}", Long.toString(number),
                            room.id);
                    return CompletableFuture.<Void>completedFuture(null);
                }, room.janus).thenCompose(next -> next);
    }

    /** The session's handle for room requests (create, destroy), attached once per session. */
    private CompletableFuture<Long> control(long session) {
        synchronized (controlLock) {
            if (controlHandle == null || controlSession != session || controlHandle.isCompletedExceptionally()) {
                controlSession = session;
                controlHandle = connection.attach(session, event -> { });
            }
            return controlHandle;
        }
    }

    private String randomSecret() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
