package com.chatforyou.domain.model;

/**
 * What the room's hosts have set, as everyone in the room sees it.
 *
 * @param locked                  no newcomer gets in, not even into the waiting room
 * @param passwordRequired        newcomers must give the room's password
 * @param waitingRoom             newcomers wait until a host admits them
 * @param hostsControlMicrophones participants cannot unmute themselves until a host asks them to
 */
public record RoomControls(boolean locked, boolean passwordRequired, boolean waitingRoom,
                           boolean hostsControlMicrophones) {
    public static final RoomControls OPEN = new RoomControls(false, false, false, false);
}
