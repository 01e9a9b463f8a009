package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/room.find: the slug of an invite link, /r/<slug>. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FindRoomRequest(String slug) {
    public FindRoomRequest {
        RequiredFields.require(slug, "slug");
    }
}
