package com.chatforyou.domain.service;

import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomControls;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.port.in.AskToUnmuteUseCase;
import com.chatforyou.domain.port.in.ControlMicrophonesUseCase;
import com.chatforyou.domain.port.in.MuteParticipantUseCase;
import com.chatforyou.domain.port.in.RemoveParticipantUseCase;
import com.chatforyou.domain.port.in.StopParticipantMediaUseCase;
import com.chatforyou.domain.port.out.TimeSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a host does to a participant: mute them or ask them to unmute, stop their camera or screen
 * share, remove them, and the room mode "hosts control microphones". The rules on who may do what to
 * whom are {@link com.chatforyou.domain.model.HostRules}'; the room applies them. The server tells the
 * participant's browser, which turns its own media off: on a mesh nothing else can (see
 * docs/signaling-protocol.md, "What the server enforces").
 */
public final class ParticipantModerationService implements MuteParticipantUseCase, AskToUnmuteUseCase,
        StopParticipantMediaUseCase, RemoveParticipantUseCase, ControlMicrophonesUseCase {

    private final Callers callers;
    private final Seats seats;
    private final Seating seating;
    private final RoomMessenger messenger;
    private final RoomList roomList;
    private final TimeSource clock;
    private final HostSettings settings;

    ParticipantModerationService(Callers callers, Seats seats, Seating seating, RoomMessenger messenger,
                                 RoomList roomList, TimeSource clock, HostSettings settings) {
        this.callers = callers;
        this.seats = seats;
        this.seating = seating;
        this.messenger = messenger;
        this.roomList = roomList;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void muteParticipant(MuteParticipantCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, host) -> {
            Participant muted = room.muteBy(host, command.participant());
            messenger.tell(muted.connection(), new RoomEvent.MutedByHost(room.id(), seated(room, host),
                    muted.mayUnmute()));
            messenger.tellEveryoneIn(room, RoomEvent.MediaStateChanged.of(room.id(), muted));
        });
    }

    @Override
    public void askToUnmute(AskToUnmuteCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, host) -> {
            boolean wasLocked = room.target(command.participant()).unmuteLocked();
            Participant asked = room.askToUnmuteBy(host, command.participant());
            messenger.tell(asked.connection(), new RoomEvent.UnmuteRequested(room.id(), seated(room, host)));
            if (wasLocked) {
                messenger.tellEveryoneIn(room, RoomEvent.MediaStateChanged.of(room.id(), asked));
            }
        });
    }

    @Override
    public void stopParticipantMedia(StopParticipantMediaCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, host) -> {
            Participant stopped = room.stopMediaBy(host, command.participant(), command.kind());
            messenger.tell(stopped.connection(), new RoomEvent.MediaStoppedByHost(room.id(), command.kind(),
                    seated(room, host)));
            messenger.tellEveryoneIn(room, RoomEvent.MediaStateChanged.of(room.id(), stopped));
        });
    }

    /** The removed participant hears it first, then the others see them leave with reason {@code removed}. */
    @Override
    public void removeParticipant(RemoveParticipantCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, host) -> {
            Instant bannedUntil = clock.now().plus(settings.removalBan());
            Participant removed = room.removeBy(host, command.participant(), bannedUntil);
            Optional<Instant> rejoinAfter = settings.removalBan().isZero() ? Optional.empty() : Optional.of(bannedUntil);
            messenger.tell(removed.connection(), new RoomEvent.Removed(room.id(), seated(room, host), rejoinAfter));
            seats.heldIn(room.id(), removed.id()).ifPresent(held ->
                    seating.vacate(room, held.connection(), held.seat(), LeaveReason.REMOVED));
        });
        roomList.publish();
    }

    @Override
    public void controlMicrophones(ControlMicrophonesCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, host) -> {
            List<Participant> changed = room.controlMicrophones(host, command.hostsControl());
            RoomControls controls = room.controls();
            messenger.tellEveryoneIn(room, new RoomEvent.ControlsChanged(room.id(), controls, host));
            Participant by = seated(room, host);
            for (Participant participant : changed) {
                if (command.hostsControl()) {
                    messenger.tell(participant.connection(), new RoomEvent.MutedByHost(room.id(), by, false));
                }
                messenger.tellEveryoneIn(room, RoomEvent.MediaStateChanged.of(room.id(), participant));
            }
        });
    }

    private static Participant seated(Room room, ParticipantId participant) {
        return room.participant(participant).orElseThrow();
    }
}
