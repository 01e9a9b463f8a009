package com.chatforyou.boot.internet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hop of a forwarded chain is the client. */
class TrustedProxiesTest {
    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.1", "2001:db8:ff::/48"));

    @Test
    void theRightmostHopThatIsNotATrustedProxyIsTheClient() {
        assertThat(proxies.clientOf(List.of("203.0.113.5", "10.1.2.3"), "192.0.2.1")).isEqualTo("203.0.113.5");
        assertThat(proxies.clientOf(List.of("6.6.6.6", "203.0.113.5"), "192.0.2.1")).isEqualTo("203.0.113.5");
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverTheHeaderSays() {
        assertThat(proxies.clientOf(List.of("203.0.113.5"), "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void rangesAndIpv6Work() {
        assertThat(proxies.trusts("10.200.0.1")).isTrue();
        assertThat(proxies.trusts("[2001:db8:ff:1::1]")).isTrue();
        assertThat(proxies.trusts("2001:db8:fe::1")).isFalse();
        assertThat(proxies.trusts("not-an-address")).isFalse();
        assertThat(new TrustedProxies(List.of(" ", "")).isEmpty()).isTrue();
    }

    @Test
    void forwardedElementsYieldTheirForHosts() {
        var elements = TrustedProxyForwardedHeaders.ForwardedElements.split(
                "for=\"[2001:db8::1]:4711\";proto=https, for=192.0.2.60:80;by=x");
        assertThat(TrustedProxyForwardedHeaders.ForwardedElements.forValues(elements))
                .containsExactly("2001:db8::1", "192.0.2.60");
        assertThat(TrustedProxyForwardedHeaders.ForwardedElements.withFor("for=x;proto=https;host=chat.example.org;evil=1",
                "203.0.113.5")).isEqualTo("for=\"203.0.113.5\";proto=https;host=chat.example.org");
        assertThat(TrustedProxyForwardedHeaders.IpLiterals.isLiteral("unknown")).isFalse();
        assertThat(TrustedProxyForwardedHeaders.IpLiterals.isLiteral("2001:db8::1")).isTrue();
    }
}
