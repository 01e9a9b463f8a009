package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import java.util.List;

/** Addresses room events: to a connection, to a participant of a room, or to several participants. */
final class RoomMessenger {

    private final ParticipantNotifier notifier;

    RoomMessenger(ParticipantNotifier notifier) {
        this.notifier = notifier;
    }

    void tell(ConnectionId connection, RoomEvent event) {
        notifier.notify(connection, event);
    }

    /** Reaches the participant only while they are seated in the room. */
    void tell(Room room, ParticipantId participant, RoomEvent event) {
        room.participant(participant).ifPresent(seated -> notifier.notify(seated.connection(), event));
    }

    void tellEach(List<Participant> participants, RoomEvent event) {
        for (Participant participant : participants) {
            notifier.notify(participant.connection(), event);
        }
    }

    void tellEveryoneIn(Room room, RoomEvent event) {
        tellEach(room.participants(), event);
    }

    /** Reaches the room's host and co-hosts only, as for who is waiting to get in. */
    void tellHostsOf(Room room, RoomEvent event) {
        tellEach(room.hosts(), event);
    }
}
