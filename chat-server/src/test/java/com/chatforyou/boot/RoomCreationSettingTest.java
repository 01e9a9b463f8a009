package com.chatforyou.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatforyou.adapter.signaling.SignedInConnections;
import com.chatforyou.boot.security.HostSignInProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** chatforyou.security.room-creation: its two values, and the settings it cannot start with. */
class RoomCreationSettingTest {
    private final SecurityWiring wiring = new SecurityWiring();
    private final StaticListableBeanFactory noOidc = new StaticListableBeanFactory();

    private SignedInConnections policy(String setting, List<HostSignInProperties.User> users) {
        return wiring.signedInConnections(new HostSignInProperties(setting, users),
                noOidc.getBeanProvider(ClientRegistrationRepository.class));
    }

    @Test
    void anyoneIsTheDefaultAndNeedsNoSignIn() {
        assertThat(policy("anyone", List.of()).mode()).isEqualTo(SignedInConnections.Mode.ANYONE);
    }

    @Test
    void signedInWithConfiguredUsersStarts() {
        assertThat(policy(" Signed-In ", List.of(new HostSignInProperties.User("ann", "{bcrypt}x"))).mode())
                .isEqualTo(SignedInConnections.Mode.SIGNED_IN);
    }

    @Test
    void signedInWithNobodyToSignInStopsTheStart() {
        assertThatThrownBy(() -> policy("signed-in", List.of())).isInstanceOf(Misconfiguration.class)
                .hasMessageContaining("nobody can sign in");
    }

    @Test
    void anUnknownValueStopsTheStart() {
        assertThatThrownBy(() -> policy("hosts", List.of())).isInstanceOf(Misconfiguration.class)
                .hasMessageContaining("not a room creation policy");
    }
}
