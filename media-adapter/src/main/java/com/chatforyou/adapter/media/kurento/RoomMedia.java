package com.chatforyou.adapter.media.kurento;

import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.adapter.media.SerialExecutor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.kurento.client.MediaPipeline;
import org.kurento.client.WebRtcEndpoint;

/**
 * One room's objects in KMS. Only tasks on {@link #kms} touch its fields, so they need no locks;
 * {@link #toDomain} carries what KMS says back to the domain, in order, on other threads.
 */
final class RoomMedia {

    /** The endpoint behind one link, and the KMS session it was created in. */
    static final class LinkEndpoint {
        final MediaLink link;
        final WebRtcEndpoint endpoint;
        final String session;
        boolean gathering;

        LinkEndpoint(MediaLink link, WebRtcEndpoint endpoint, String session) {
            this.link = link;
            this.endpoint = endpoint;
            this.session = session;
        }
    }

    final RoomId id;
    /** KMS requests for this room, one at a time. */
    final SerialExecutor kms;
    /** Calls into the domain for this room, in order; never waited on by anyone. */
    final SerialExecutor toDomain;

    MediaPipeline pipeline;
    /** The KMS session the pipeline and every endpoint below belong to. */
    String session;
    final Map<LinkId, LinkEndpoint> endpoints = new LinkedHashMap<>();
    /** The publishing endpoint of each participant who sends media. */
    final Map<ParticipantId, LinkEndpoint> publishers = new HashMap<>();
    /** What each participant sends, as of the latest plan. */
    final Map<ParticipantId, MediaCapabilities> capabilities = new HashMap<>();

    RoomMedia(RoomId id, Executor pool) {
        this.id = id;
        this.kms = new SerialExecutor(pool);
        this.toDomain = new SerialExecutor(pool);
    }

    /** Drops every reference, as when KMS lost the objects with its session. */
    void forget() {
        pipeline = null;
        session = null;
        endpoints.clear();
        publishers.clear();
    }
}
