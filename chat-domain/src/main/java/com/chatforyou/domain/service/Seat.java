package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Where a connection sits, and the secret that takes the seat back after a lost connection. */
record Seat(RoomId room, ParticipantId participant, String resumeToken) {

    /** Compared in constant time: the token is a secret. */
    boolean matches(String token) {
        return token != null && MessageDigest.isEqual(resumeToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
