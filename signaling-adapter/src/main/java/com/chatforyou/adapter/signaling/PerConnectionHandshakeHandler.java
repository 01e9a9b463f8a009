package com.chatforyou.adapter.signaling;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Gives every WebSocket connection its own fresh identity, with the client's address (the servlet
 * request's remote address, which the trusted-proxy filter has already corrected) and, when the HTTP
 * session that opened it is signed in, who that is.
 */
public class PerConnectionHandshakeHandler extends DefaultHandshakeHandler {

    private final Function<Principal, Optional<SignedInUser>> signedIn;

    /** @param signedIn who signed in, given the handshake request's principal (null for none) */
    public PerConnectionHandshakeHandler(Function<Principal, Optional<SignedInUser>> signedIn) {
        this.signedIn = signedIn;
    }

    public PerConnectionHandshakeHandler() {
        this(principal -> Optional.empty());
    }

    @Override
    protected Principal determineUser(ServerHttpRequest request, WebSocketHandler handler,
                                      Map<String, Object> attributes) {
        // The servlet request's remote host: Tomcat does no look-ups, so this is the address literal.
        String peer = request.getRemoteAddress() == null ? null : request.getRemoteAddress().getHostString();
        return ConnectionPrincipal.random(ClientAddresses.of(peer), signedIn.apply(request.getPrincipal()).orElse(null));
    }
}
