package com.chatforyou.domain.model;

/** The participant's own toggles, shown to everyone as icons. */
public record MediaState(boolean audioMuted, boolean videoMuted) {
    public static final MediaState UNMUTED = new MediaState(false, false);
}
