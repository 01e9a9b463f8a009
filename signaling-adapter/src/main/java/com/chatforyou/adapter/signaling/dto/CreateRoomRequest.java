package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of /app/room.create; capacity, password, privateLink and slug may be omitted. privateLink asks
 * for an unguessable invite link (and a room that is not listed); slug asks for that link by name, as a
 * page bringing its room back after a server restart does.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateRoomRequest(String name, Integer capacity, String password, Boolean privateLink, String slug) {
    public CreateRoomRequest {
        RequiredFields.require(name, "name");
    }

    public CreateRoomRequest(String name, Integer capacity, String password) {
        this(name, capacity, password, null, null);
    }
}
