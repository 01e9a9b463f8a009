package com.chatforyou.boot.internet;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The proxies whose {@code Forwarded} / {@code X-Forwarded-For} headers are believed: addresses or
 * CIDR ranges, IPv4 or IPv6. Empty by default, so a client cannot pick its own address by sending the
 * header.
 */
public final class TrustedProxies {
    private final List<IpAddressMatcher> ranges = new ArrayList<>();
    private final List<String> entries;

    public TrustedProxies(List<String> entries) {
        this.entries = entries.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        for (String entry : this.entries) {
            ranges.add(new IpAddressMatcher(entry));
        }
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        for (IpAddressMatcher range : ranges) {
            try {
                if (range.matches(literal)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    /**
     * The client behind a chain of proxies: the hops as the headers list them (client first) and then
     * the socket's peer. Walking from the peer back, the first hop that is not a trusted proxy is the
     * client, as a client can write anything to the left of what the first trusted proxy appended.
     */
    public String clientOf(List<String> forwardedHops, String peer) {
        List<String> chain = new ArrayList<>(forwardedHops);
        chain.add(peer);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!trusts(chain.get(i))) {
                return chain.get(i);
            }
        }
        return chain.get(0);
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
