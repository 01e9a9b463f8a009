package com.chatforyou.domain.model;

/** What a participant sends: camera and microphone, microphone only, or nothing (receive-only). */
public record MediaCapabilities(boolean sendsAudio, boolean sendsVideo) {
    public static final MediaCapabilities AUDIO_VIDEO = new MediaCapabilities(true, true);
    public static final MediaCapabilities AUDIO_ONLY = new MediaCapabilities(true, false);
    public static final MediaCapabilities RECEIVE_ONLY = new MediaCapabilities(false, false);

    public boolean publishes() {
        return sendsAudio || sendsVideo;
    }
}
