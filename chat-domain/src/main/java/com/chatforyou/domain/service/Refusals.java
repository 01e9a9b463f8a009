package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;

/** Refusals that several use cases share. */
final class Refusals {

    private Refusals() {
    }

    static ChatException noSuchRoom() {
        return new ChatException(ErrorCode.ROOM_NOT_FOUND, "No such room");
    }
}
