package com.chatforyou.domain.model;

public record SessionDescription(Type type, String sdp) implements MediaSignal {
    /** Generous: a browser offer with several tracks is 5 to 15 KB. */
    public static final int MAX_SDP_LENGTH = 48 * 1024;

    public enum Type { OFFER, ANSWER }

    public SessionDescription {
        if (type == null) {
            throw new ChatException(ErrorCode.INVALID_SDP, "SDP type must be offer or answer");
        }
        if (sdp == null || !sdp.startsWith("v=0")) {
            throw new ChatException(ErrorCode.INVALID_SDP, "SDP must start with v=0");
        }
        if (sdp.length() > MAX_SDP_LENGTH) {
            throw new ChatException(ErrorCode.INVALID_SDP, "SDP longer than " + MAX_SDP_LENGTH + " characters");
        }
    }

    public static Type parseType(String wire) {
        if ("offer".equals(wire)) {
            return Type.OFFER;
        }
        if ("answer".equals(wire)) {
            return Type.ANSWER;
        }
        throw new ChatException(ErrorCode.INVALID_SDP, "SDP type must be offer or answer");
    }
}
