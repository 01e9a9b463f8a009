package com.chatforyou.adapter.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ClientAddress;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(ClientAddresses.of("198.51.100.7")).isEqualTo(new ClientAddress("198.51.100.7"));
    }

    @Test
    void ipv6AddressesOfOneSlash64AreOneClient() {
        assertThat(ClientAddresses.of("2001:db8:1:2::7")).isEqualTo(ClientAddresses.of("[2001:db8:1:2:ffff::1]"))
                .isEqualTo(new ClientAddress("2001:db8:1:2::/64"));
        assertThat(ClientAddresses.of("2001:db8:1:3::7")).isNotEqualTo(ClientAddresses.of("2001:db8:1:2::7"));
    }

    @Test
    void nothingIsUnknown() {
        assertThat(ClientAddresses.of(null)).isEqualTo(ClientAddress.UNKNOWN);
        assertThat(ClientAddresses.of(" ")).isEqualTo(ClientAddress.UNKNOWN);
    }
}
