package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("link-close")
public record LinkCloseEvent(String linkId) implements ServerEvent {
}
