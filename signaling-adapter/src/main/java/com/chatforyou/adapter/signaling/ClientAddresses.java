package com.chatforyou.adapter.signaling;

import com.chatforyou.domain.model.ClientAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key per-client quotas use for a peer address. IPv4 addresses are their own key; an IPv6
 * address counts as its /64, since one subscriber usually gets a whole /64 and could otherwise take a
 * fresh address per request.
 */
public final class ClientAddresses {
    private static final int IPV6_PREFIX_BYTES = 8;

    private ClientAddresses() {
    }

    /** @param peer an IP address literal as the servlet container reports it */
    public static ClientAddress of(String peer) {
        if (peer == null || peer.isBlank()) {
            return ClientAddress.UNKNOWN;
        }
        try {
            // A literal never causes a DNS look-up.
            InetAddress address = InetAddress.getByName(stripBrackets(peer.strip()));
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < IPV6_PREFIX_BYTES; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return new ClientAddress(prefix + ":/64");
            }
            return new ClientAddress(address.getHostAddress());
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return new ClientAddress(peer.strip());
        }
    }

    private static String stripBrackets(String peer) {
        return peer.startsWith("[") && peer.endsWith("]") ? peer.substring(1, peer.length() - 1) : peer;
    }
}
