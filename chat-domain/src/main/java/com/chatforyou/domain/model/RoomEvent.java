package com.chatforyou.domain.model;

import java.time.Instant;
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
                  List<IceServer> iceServers, String resumeToken, boolean resumed, RoomControls controls,
                  List<RaisedHand> hands, List<Knock> waiting) implements RoomEvent {

        public Joined(RoomSummary room, Participant self, List<Participant> others, List<ChatMessage> recentChat,
                      List<IceServer> iceServers) {
            this(room, self, others, recentChat, iceServers, null, false, RoomControls.OPEN, List.of(), List.of());
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

    /** {@code mayUnmute} is false while the room's hosts control this participant's microphone. */
    record MediaStateChanged(RoomId room, ParticipantId participant, MediaState state, boolean mayUnmute)
            implements RoomEvent {

        public MediaStateChanged(RoomId room, ParticipantId participant, MediaState state) {
            this(room, participant, state, true);
        }

        public static MediaStateChanged of(RoomId room, Participant participant) {
            return new MediaStateChanged(room, participant.id(), participant.mediaState(), participant.mayUnmute());
        }
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

    // ---- hosts and their powers ----

    /** To the muted participant: who muted them, and whether they may unmute themselves. */
    record MutedByHost(RoomId room, Participant by, boolean mayUnmute) implements RoomEvent {
    }

    /** To the participant a host asked to unmute; they decide. */
    record UnmuteRequested(RoomId room, Participant by) implements RoomEvent {
    }

    /** To the participant whose camera or screen share a host stopped. */
    record MediaStoppedByHost(RoomId room, StoppedMedia kind, Participant by) implements RoomEvent {
    }

    /** To the removed participant, whose seat is gone; they may come back after {@code rejoinAfter}, if any. */
    record Removed(RoomId room, Participant by, Optional<Instant> rejoinAfter) implements RoomEvent {
    }

    /** To everyone seated: a host ended the meeting; the room is gone. */
    record MeetingEnded(RoomId room, Participant by) implements RoomEvent {
    }

    /** A participant's role changed; {@code by} is empty when the room handed it over on a host's leave. */
    record RoleChanged(RoomId room, Participant participant, Optional<ParticipantId> by) implements RoomEvent {
    }

    /** What the hosts set changed (lock, password, waiting room, microphones). */
    record ControlsChanged(RoomId room, RoomControls controls, ParticipantId by) implements RoomEvent {
    }

    /** To a newcomer: they wait in the waiting room until a host admits them. */
    record Waiting(RoomId room, RoomName name, KnockId knock) implements RoomEvent {
    }

    /** To a newcomer in the waiting room: they are not let in. */
    record Denied(RoomId room, RoomName name, DenialReason reason) implements RoomEvent {
    }

    /** To the hosts: who is waiting now, in the order they knocked. */
    record WaitingListChanged(RoomId room, List<Knock> waiting) implements RoomEvent {
        public WaitingListChanged {
            waiting = List.copyOf(waiting);
        }
    }

    /** The raised hands, in the order they went up. */
    record HandsChanged(RoomId room, List<RaisedHand> raised) implements RoomEvent {
        public HandsChanged {
            raised = List.copyOf(raised);
        }
    }

    record Reacted(RoomId room, ParticipantId participant, Reaction reaction) implements RoomEvent {
    }
}
