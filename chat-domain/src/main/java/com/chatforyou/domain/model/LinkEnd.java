package com.chatforyou.domain.model;

/** One side of a media link: a participant's browser or the media server. */
public sealed interface LinkEnd permits LinkEnd.OfParticipant, LinkEnd.MediaServer {

    static LinkEnd participant(ParticipantId id) {
        return new OfParticipant(id);
    }

    static LinkEnd mediaServer() {
        return MediaServer.INSTANCE;
    }

    default boolean is(ParticipantId id) {
        return this instanceof OfParticipant p && p.id().equals(id);
    }

    record OfParticipant(ParticipantId id) implements LinkEnd {
    }

    enum MediaServer implements LinkEnd {
        INSTANCE
    }
}
