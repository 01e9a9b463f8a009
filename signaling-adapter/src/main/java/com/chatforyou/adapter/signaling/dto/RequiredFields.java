package com.chatforyou.adapter.signaling.dto;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;

/** Refuses request bodies that lack a documented field; the domain then only sees complete requests. */
final class RequiredFields {

    private RequiredFields() {
    }

    static void require(Object value, String field) {
        if (value == null) {
            throw new ChatException(ErrorCode.MALFORMED_MESSAGE, field + " is required");
        }
    }
}
