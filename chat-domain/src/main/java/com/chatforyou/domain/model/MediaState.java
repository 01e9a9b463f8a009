package com.chatforyou.domain.model;

/**
 * The participant's own toggles, shown to everyone as icons: microphone muted, camera off, and whether the
 * participant is sharing a screen in place of (or, when audio-only, in addition to) the camera.
 */
public record MediaState(boolean audioMuted, boolean videoMuted, boolean sharing) {
    public static final MediaState UNMUTED = new MediaState(false, false, false);

    /** Toggles of a participant who is not sharing. */
    public MediaState(boolean audioMuted, boolean videoMuted) {
        this(audioMuted, videoMuted, false);
    }
}
