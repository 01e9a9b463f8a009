package com.chatforyou.domain.model;

import java.util.Objects;

/**
 * Where a client connects from, as the server attributes it: the socket's peer, or the client a
 * trusted proxy names. Opaque to the domain; the signaling adapter puts IPv6 clients of one /64 under
 * one address. Per-client quotas and password backoff are kept under it.
 */
public record ClientAddress(String value) {
    /** For callers that have no network address, such as tests driving the domain directly. */
    public static final ClientAddress UNKNOWN = new ClientAddress("unknown");

    public ClientAddress {
        Objects.requireNonNull(value, "value");
    }
}
