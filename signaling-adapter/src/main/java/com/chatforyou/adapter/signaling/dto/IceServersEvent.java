package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** Fresh ICE servers that replace those of {@code joined}, sent before their credentials expire. */
@JsonTypeName("ice-servers")
public record IceServersEvent(List<IceServerDto> iceServers) implements ServerEvent {
}
