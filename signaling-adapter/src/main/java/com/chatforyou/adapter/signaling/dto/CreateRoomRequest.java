package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/room.create; capacity and password may be omitted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateRoomRequest(String name, Integer capacity, String password) {
    public CreateRoomRequest {
        RequiredFields.require(name, "name");
    }
}
