package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/host.role; {@code role} is host, co-host or participant. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoleRequest(String roomId, String participantId, String role) {
    public RoleRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(participantId, "participantId");
        RequiredFields.require(role, "role");
    }
}
