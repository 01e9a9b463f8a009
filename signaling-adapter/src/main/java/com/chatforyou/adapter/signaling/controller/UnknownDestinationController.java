package com.chatforyou.adapter.signaling.controller;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;

/**
 * Catches SENDs to {@code /app/...} destinations the protocol does not list. Exact mappings always win
 * over this pattern, so it only sees what nothing else handles.
 */
@Controller
public class UnknownDestinationController {

    @MessageMapping("/**")
    public void unknownDestination() {
        throw new ChatException(ErrorCode.UNKNOWN_DESTINATION, "No such destination");
    }
}
