package com.chatforyou.adapter.signaling.controller;

import static com.chatforyou.adapter.signaling.ConnectionPrincipal.connectionOf;

import com.chatforyou.adapter.signaling.dto.LinkIceRequest;
import com.chatforyou.adapter.signaling.dto.LinkSdpRequest;
import com.chatforyou.adapter.signaling.mapping.SignalingRequestMapper;
import com.chatforyou.domain.port.in.NegotiateMediaUseCase;
import java.security.Principal;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/** WebRTC negotiation on a media link; the domain relays each signal to the link's other end. */
@Controller
public class MediaLinkController {
    private static final SignalingRequestMapper REQUESTS = SignalingRequestMapper.INSTANCE;

    private final NegotiateMediaUseCase negotiateMedia;

    public MediaLinkController(NegotiateMediaUseCase negotiateMedia) {
        this.negotiateMedia = negotiateMedia;
    }

    @MessageMapping("/link.sdp")
    public void sessionDescription(@Payload LinkSdpRequest request, Principal connection) {
        negotiateMedia.negotiate(REQUESTS.toCommand(request, connectionOf(connection)));
    }

    @MessageMapping("/link.ice")
    public void iceCandidate(@Payload LinkIceRequest request, Principal connection) {
        negotiateMedia.negotiate(REQUESTS.toCommand(request, connectionOf(connection)));
    }
}
