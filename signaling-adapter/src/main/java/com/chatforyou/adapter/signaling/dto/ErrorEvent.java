package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** A refusal, sent only to the connection that caused it; {@code destination} is what it sent to. */
@JsonTypeName("error")
public record ErrorEvent(String code, String message, String destination) implements ServerEvent {
}
