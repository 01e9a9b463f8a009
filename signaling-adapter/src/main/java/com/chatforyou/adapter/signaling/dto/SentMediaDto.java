package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the browser will send; an omitted flag means it does not send that kind. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SentMediaDto(Boolean audio, Boolean video) {
}
