package com.chatforyou.domain.model;

import java.util.List;
import java.util.Optional;

/** Everything a participant is told about their room. Each event is addressed to one participant. */
public sealed interface RoomEvent {

    /**
     * Acknowledges a join or a resume: the room as it is now, and the ICE servers, before any link opens.
     * {@code resumeToken} is the seat's secret for taking it back after a dropped connection; it only
     * ever goes to the seat's own participant. {@code resumed} tells a resume from a first join.
     */
    record Joined(RoomSummary room, Participant self, List<Participant> others, List<ChatMessage> recentChat,
                  List<IceServer> iceServers, String resumeToken, boolean resumed) implements RoomEvent {

        public Joined(RoomSummary room, Participant self, List<Participant> others, List<ChatMessage> recentChat,
                      List<IceServer> iceServers) {
            this(room, self, others, recentChat, iceServers, null, false);
        }
    }

    record ParticipantJoined(RoomId room, Participant participant) implements RoomEvent {
    }

    record ParticipantLeft(RoomId room, ParticipantId participant, LeaveReason reason) implements RoomEvent {
    }

    /** Acknowledges a leave to the participant who pressed leave. */
    record Left(RoomId room) implements RoomEvent {
    }

    record ChatPosted(RoomId room, ChatMessage message) implements RoomEvent {
    }

    record MediaStateChanged(RoomId room, ParticipantId participant, MediaState state) implements RoomEvent {
    }

    /**
     * A link the recipient must set up. {@code peer} is empty when the other end is the media server;
     * the recipient sends when {@code youPublish} and receives otherwise (an SFU viewer may still offer).
     */
    record LinkOpened(LinkId link, ParticipantId publisher, Optional<ParticipantId> peer, boolean youOffer,
                      boolean youArePolite, boolean youPublish) implements RoomEvent {
    }

    record LinkClosed(LinkId link) implements RoomEvent {
    }

    record SignalReceived(LinkId link, MediaSignal signal) implements RoomEvent {
    }

    /**
     * Fresh ICE servers that replace those of {@link Joined}, sent before the old credentials expire:
     * for links opened from now on, and for the links already open.
     */
    record IceServersRefreshed(List<IceServer> iceServers) implements RoomEvent {
        public IceServersRefreshed {
            iceServers = List.copyOf(iceServers);
        }
    }

    /**
     * The room's media server went away ({@code available} false: links are gone and video waits for it)
     * or is back ({@code available} true: new links follow). Chat and the room itself are unaffected.
     */
    record MediaServerStatus(RoomId room, boolean available) implements RoomEvent {
    }

    /**
     * The server is shutting down: the room is gone and the recipient's seat with it. A client should
     * reconnect (to this server once it is back, or to another) and join again.
     */
    record ServerRestarting(RoomId room) implements RoomEvent {
    }
}
