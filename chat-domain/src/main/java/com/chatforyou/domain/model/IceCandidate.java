package com.chatforyou.domain.model;

/** A trickled ICE candidate; an empty candidate string marks the end of candidates. */
public record IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex) implements MediaSignal {
    public static final int MAX_LENGTH = 1024;

    public IceCandidate {
        if (candidate == null || candidate.length() > MAX_LENGTH
                || (!candidate.isEmpty() && !candidate.startsWith("candidate:"))) {
            throw new ChatException(ErrorCode.INVALID_CANDIDATE,
                    "Candidate must be empty or start with candidate: (at most " + MAX_LENGTH + " characters)");
        }
        if (sdpMid == null && sdpMLineIndex == null) {
            throw new ChatException(ErrorCode.INVALID_CANDIDATE, "Candidate needs sdpMid or sdpMLineIndex");
        }
        if (sdpMid != null && sdpMid.length() > 64) {
            throw new ChatException(ErrorCode.INVALID_CANDIDATE, "sdpMid too long");
        }
        if (sdpMLineIndex != null && (sdpMLineIndex < 0 || sdpMLineIndex > 255)) {
            throw new ChatException(ErrorCode.INVALID_CANDIDATE, "sdpMLineIndex out of range");
        }
    }
}
