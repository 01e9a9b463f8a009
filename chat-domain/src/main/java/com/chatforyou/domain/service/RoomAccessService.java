package com.chatforyou.domain.service;

import com.chatforyou.domain.model.DenialReason;
import com.chatforyou.domain.model.Knock;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.PasswordHash;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.port.in.AnswerKnockUseCase;
import com.chatforyou.domain.port.in.ConfigureWaitingRoomUseCase;
import com.chatforyou.domain.port.in.EndMeetingUseCase;
import com.chatforyou.domain.port.in.LockRoomUseCase;
import com.chatforyou.domain.port.in.SetRoomPasswordUseCase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who may come into a room, as its hosts decide: the lock, the password, the waiting room and its
 * knocks, and ending the meeting for everyone. Each is a host's action ({@code not-host} for anyone
 * else) in the host's own room; the lobby's list follows every change.
 */
public final class RoomAccessService implements LockRoomUseCase, SetRoomPasswordUseCase,
        ConfigureWaitingRoomUseCase, AnswerKnockUseCase, EndMeetingUseCase {

    private final Callers callers;
    private final Seating seating;
    private final WaitingRoomDoor door;
    private final RoomMessenger messenger;
    private final RoomList roomList;
    private final PasswordChecks passwords;

    RoomAccessService(Callers callers, Seating seating, WaitingRoomDoor door, RoomMessenger messenger,
                      RoomList roomList, PasswordChecks passwords) {
        this.passwords = passwords;
        this.callers = callers;
        this.seating = seating;
        this.door = door;
        this.messenger = messenger;
        this.roomList = roomList;
    }

    @Override
    public void lockRoom(LockRoomCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, host) -> {
            room.lockBy(host, command.locked());
            announceControls(room, host);
        });
        roomList.publish();
    }

    /**
     * The hash is slow on purpose, so it is computed on the password worker, outside the room's lock,
     * once the caller proved a host; the host is checked again when it is set.
     */
    @Override
    public CompletionStage<Void> setRoomPassword(SetRoomPasswordCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, host) -> room.actingHost(host));
        CompletableFuture<Optional<PasswordHash>> password = command.password() == null || command.password().isEmpty()
                ? CompletableFuture.completedFuture(Optional.empty())
                : passwords.hash(command.password()).thenApply(Optional::of);
        return password.thenAccept(hash -> {
            callers.inTheirRoom(command.connection(), command.room(), (room, host) -> {
                room.setPasswordBy(host, hash);
                announceControls(room, host);
            });
            roomList.publish();
        });
    }

    @Override
    public void configureWaitingRoom(ConfigureWaitingRoomCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, host) -> {
            List<Knock> waited = room.setWaitingRoomBy(host, command.enabled());
            announceControls(room, host);
            door.admitAll(room, waited);
        });
        roomList.publish();
    }

    @Override
    public void admit(AnswerKnockCommand command) {
        callers.inTheirRoom(command.connection(), command.room(),
                (room, host) -> door.admit(room, room.answerKnock(host, command.knock())));
        roomList.publish();
    }

    @Override
    public void deny(AnswerKnockCommand command) {
        callers.inTheirRoom(command.connection(), command.room(),
                (room, host) -> door.deny(room, room.answerKnock(host, command.knock())));
    }

    /** Everyone seated gets {@code meeting-ended}, whoever waits is denied; then the room is gone. */
    @Override
    public void endMeeting(EndMeetingCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, host) ->
                seating.end(room, new RoomEvent.MeetingEnded(room.id(), room.actingHost(host)), DenialReason.MEETING_ENDED));
        roomList.publish();
    }

    private void announceControls(Room room, ParticipantId host) {
        messenger.tellEveryoneIn(room, new RoomEvent.ControlsChanged(room.id(), room.controls(), host));
    }
}
