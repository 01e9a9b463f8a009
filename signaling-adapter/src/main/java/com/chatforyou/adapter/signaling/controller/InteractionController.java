package com.chatforyou.adapter.signaling.controller;

import static com.chatforyou.adapter.signaling.ConnectionPrincipal.connectionOf;

import com.chatforyou.adapter.signaling.dto.LowerHandRequest;
import com.chatforyou.adapter.signaling.dto.ReactionRequest;
import com.chatforyou.adapter.signaling.dto.RoomRequest;
import com.chatforyou.adapter.signaling.mapping.SignalingRequestMapper;
import com.chatforyou.domain.port.in.RaiseHandUseCase;
import com.chatforyou.domain.port.in.SendReactionUseCase;
import java.security.Principal;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/** Raised hands and emoji reactions, open to everyone in the room. */
@Controller
public class InteractionController {
    private static final SignalingRequestMapper REQUESTS = SignalingRequestMapper.INSTANCE;

    private final RaiseHandUseCase hands;
    private final SendReactionUseCase reactions;

    public InteractionController(RaiseHandUseCase hands, SendReactionUseCase reactions) {
        this.hands = hands;
        this.reactions = reactions;
    }

    @MessageMapping("/hand.raise")
    public void raise(@Payload RoomRequest request, Principal connection) {
        hands.raiseHand(REQUESTS.toRaiseHand(request, connectionOf(connection)));
    }

    @MessageMapping("/hand.lower")
    public void lower(@Payload LowerHandRequest request, Principal connection) {
        hands.lowerHand(REQUESTS.toLowerHand(request, connectionOf(connection)));
    }

    @MessageMapping("/reaction.send")
    public void react(@Payload ReactionRequest request, Principal connection) {
        reactions.sendReaction(REQUESTS.toReaction(request, connectionOf(connection)));
    }
}
