package com.chatforyou.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void every_refusal_has_a_wire_code_listed_in_the_signaling_protocol() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::wireCode)).containsExactlyInAnyOrder(
                "room-not-found", "room-full", "wrong-password", "too-many-rooms", "server-full", "room-name-taken",
                "room-link-taken", "invalid-room-link",
                "invalid-room-name", "invalid-capacity", "invalid-password", "name-taken",
                "invalid-display-name", "invalid-chat-message", "already-in-room", "not-in-room", "resume-failed",
                "not-host", "outranked", "unknown-participant", "unknown-knock", "room-locked", "banned",
                "unmute-not-allowed", "invalid-reaction",
                "unknown-link", "link-closed", "link-not-owned", "invalid-sdp", "invalid-candidate",
                "negotiation-out-of-order", "media-unavailable", "malformed-message", "unknown-destination",
                "frame-too-large", "server-restarting", "rate-limited", "password-checks-busy", "too-many-attempts",
                "too-many-rooms-created", "too-many-unjoined-rooms", "sign-in-required", "internal-error");
    }

    @Test
    void a_refusal_carries_its_code_and_a_message_for_the_participant() {
        ChatException refusal = new ChatException(ErrorCode.ROOM_FULL, "The room is full (6 participants)");

        assertThat(refusal.code()).isEqualTo(ErrorCode.ROOM_FULL);
        assertThat(refusal.getMessage()).isEqualTo("The room is full (6 participants)");
    }
}
