package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** The raised hands, first raised first. */
@JsonTypeName("hands")
public record HandsEvent(String roomId, List<RaisedHandDto> raised) implements ServerEvent {
}
