package com.chatforyou.adapter.signaling;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Gives every WebSocket connection its own fresh identity, with the client's address (the servlet
 * request's remote address, which the trusted-proxy filter has already corrected) and, when the HTTP
 * session that opened it is signed in, who that is. Accepts no extension: browsers offer
 * permessage-deflate, which would give every connection its own zlib compressor and decompressor (about
 * 300 KB at zlib's defaults) outside the heap, where neither the heap-derived caps nor the benchmark's
 * heap figures see it; signaling messages are small.
 */
public class PerConnectionHandshakeHandler extends DefaultHandshakeHandler {

    private final Function<Principal, Optional<SignedInUser>> signedIn;

    /** @param signedIn who signed in, given the handshake request's principal (null for none) */
    public PerConnectionHandshakeHandler(Function<Principal, Optional<SignedInUser>> signedIn) {
        super(new WithoutExtensions());
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

    @Override
    protected List<WebSocketExtension> filterRequestedExtensions(ServerHttpRequest request,
                                                                 List<WebSocketExtension> requestedExtensions,
                                                                 List<WebSocketExtension> supportedExtensions) {
        return List.of();
    }

    /**
     * Tomcat negotiates its built-in extensions itself from the request's header, whatever Spring selected, so
     * the container is shown the request without it.
     */
    static final class WithoutExtensions extends StandardWebSocketUpgradeStrategy {
        private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

        @Override
        public void upgrade(ServerHttpRequest request, ServerHttpResponse response, String selectedProtocol,
                            List<WebSocketExtension> selectedExtensions, Principal user, WebSocketHandler handler,
                            Map<String, Object> attributes) throws HandshakeFailureException {
            ServerHttpRequest withoutExtensions = request instanceof ServletServerHttpRequest servlet
                    ? new ServletServerHttpRequest(new HidingExtensions(servlet.getServletRequest())) : request;
            super.upgrade(withoutExtensions, response, selectedProtocol, List.of(), user, handler, attributes);
        }

        private static final class HidingExtensions extends HttpServletRequestWrapper {
            HidingExtensions(HttpServletRequest request) {
                super(request);
            }

            @Override
            public String getHeader(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(name -> !EXTENSIONS.equalsIgnoreCase(name)).toList());
            }
        }
    }
}
