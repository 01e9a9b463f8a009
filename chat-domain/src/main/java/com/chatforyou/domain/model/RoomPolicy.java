package com.chatforyou.domain.model;

import java.util.Optional;

/** Who may enter a room: a seat limit and, optionally, a password. Replaced whole when a host changes the password. */
public record RoomPolicy(Capacity capacity, Optional<PasswordHash> password) {

    public boolean passwordRequired() {
        return password.isPresent();
    }

    /** Slow on purpose (PBKDF2): callers check it on the password worker, before taking the room's lock. */
    public void checkPassword(String offeredPassword) {
        if (!passwordMatches(offeredPassword)) {
            throw wrongPassword();
        }
    }

    /** True for an open room, or when the offered password is the room's. */
    public boolean passwordMatches(String offeredPassword) {
        return password.isEmpty() || password.get().matches(offeredPassword);
    }

    public static ChatException wrongPassword() {
        return new ChatException(ErrorCode.WRONG_PASSWORD, "Wrong password for this room");
    }

    public RoomPolicy withPassword(Optional<PasswordHash> newPassword) {
        return new RoomPolicy(capacity, newPassword);
    }

    void checkSeatFree(int seatsTaken) {
        if (seatsTaken >= capacity.value()) {
            throw new ChatException(ErrorCode.ROOM_FULL,
                    "The room is full (" + capacity.value() + " participants)");
        }
    }
}
