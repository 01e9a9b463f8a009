package com.chatforyou.adapter.signaling;

/**
 * What the lobby shows. {@code listRooms} false hides the room list from everyone, on request and on
 * the lobby topic alike, so that rooms are reached by their invite links only
 * ({@code chatforyou.lobby.list-rooms}).
 */
public record LobbySettings(boolean listRooms) {
    public static final LobbySettings LISTED = new LobbySettings(true);
}
