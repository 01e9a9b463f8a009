package com.chatforyou.boot.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.chatforyou.adapter.turn.ConfiguredIceServers;
import com.chatforyou.adapter.turn.TurnMode;
import com.chatforyou.boot.ChatForYouProperties;
import com.chatforyou.boot.IceWiring;
import com.chatforyou.boot.TurnProperties;
import com.chatforyou.boot.TurnServerProperties;
import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.port.out.IceServerProvider;
import com.chatforyou.domain.port.out.TimeSource;
import com.chatforyou.domain.service.MediaNegotiationService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The ICE properties as an operator writes them, bound by Spring and turned into the provider. */
@ExtendWith(OutputCaptureExtension.class)
class IceWiringTest {
    private static final Instant FOUR_AM = Instant.parse("2026-11-30T04:00:00Z");
    private static final ParticipantId ANN = new ParticipantId("pAnn");
    private static final String SECRET = "env-secret-0123456789abcdef0123456789";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ChatForYouProperties.class, TurnServerProperties.class, TurnProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, IceWiring.class)
            .withBean(TimeSource.class, () -> () -> FOUR_AM)
            .withBean(MediaNegotiationService.class, () -> mock(MediaNegotiationService.class));

    private static IceServerGrant grantFor(org.springframework.context.ApplicationContext context) {
        return context.getBean(IceServerProvider.class).iceServersFor(ANN);
    }

    @Test
    void with_nothing_configured_browsers_get_no_ice_servers() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app.getBean(ConfiguredIceServers.class).mode()).isEqualTo(TurnMode.NONE);
            assertThat(grantFor(app).servers()).isEmpty();
        });
    }

    @Test
    void the_original_turn_server_properties_still_serve_the_original_credentials_with_a_warning(CapturedOutput log) {
        context.withPropertyValues("turn.server.urls=turn:turn.example.org:3478?transport=udp,turn:turn.example.org:3478?transport=tcp",
                        "turn.server.username=chat", "turn.server.credential=shared-pass",
                        "chatforyou.ice.stun-urls=stun:stun.example.org:3478")
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    assertThat(app.getBean(ConfiguredIceServers.class).mode()).isEqualTo(TurnMode.STATIC);
                    assertThat(grantFor(app).servers()).containsExactly(
                            new IceServer(List.of("stun:stun.example.org:3478"), null, null),
                            new IceServer(List.of("turn:turn.example.org:3478?transport=udp",
                                    "turn:turn.example.org:3478?transport=tcp"), "chat", "shared-pass"));
                    assertThat(grantFor(app).expiresAt()).isEmpty();
                });
        assertThat(log.getOut()).containsPattern("WARN .*same TURN username and password").doesNotContain("shared-pass");
    }

    @Test
    void rest_mode_takes_the_secret_from_the_environment_variable() {
        var environment = new SystemEnvironmentPropertySource("test-environment",
                Map.<String, Object>of("CHATFORYOU_TURN_SECRET", SECRET));
        context.withInitializer(app -> app.getEnvironment().getPropertySources().addFirst(environment))
                .withPropertyValues("chatforyou.turn.mode=rest",
                        "chatforyou.turn.urls=turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349?transport=tcp")
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    IceServer turn = grantFor(app).servers().get(0);
                    assertThat(turn.urls()).containsExactly("turn:turn.example.org:3478?transport=udp",
                            "turns:turn.example.org:5349?transport=tcp");
                    // 6 h (the default TTL) after 04:00 is 2026-11-30T10:00:00Z = 1796032800.
                    assertThat(turn.username()).isEqualTo("1796032800:pAnn");
                    assertThat(turn.credential()).isEqualTo(hmacSha1Base64(SECRET, turn.username()));
                    assertThat(grantFor(app).expiresAt()).contains(Instant.parse("2026-11-30T10:00:00Z"));
                });
    }

    @Test
    void the_ttl_is_configurable_but_must_leave_room_for_renewal_checks() {
        context.withPropertyValues("chatforyou.turn.mode=rest", "chatforyou.turn.urls=turn:t.example.org:3478",
                        "chatforyou.turn.secret=" + SECRET, "chatforyou.turn.ttl=1h")
                .run(app -> assertThat(grantFor(app).expiresAt()).contains(FOUR_AM.plusSeconds(3600)));
        context.withPropertyValues("chatforyou.turn.mode=rest", "chatforyou.turn.urls=turn:t.example.org:3478",
                        "chatforyou.turn.secret=" + SECRET, "chatforyou.turn.ttl=4m")
                .run(app -> assertThat(app).getFailure().rootCause()
                        .hasMessageContaining("chatforyou.turn.renewal-check-interval"));
        context.withPropertyValues("chatforyou.turn.mode=rest", "chatforyou.turn.urls=turn:t.example.org:3478",
                        "chatforyou.turn.secret=" + SECRET, "chatforyou.turn.ttl=4m",
                        "chatforyou.turn.renewal-check-interval=10s")
                .run(app -> assertThat(app).hasNotFailed());
    }

    @Test
    void a_misconfiguration_fails_the_start_with_a_message_that_never_shows_the_secret() {
        context.withPropertyValues("chatforyou.turn.mode=rest", "chatforyou.turn.secret=" + SECRET)
                .run(app -> assertThat(app).getFailure().rootCause()
                        .hasMessageContaining("chatforyou.turn.urls").hasMessageNotContaining(SECRET));
        context.withPropertyValues("chatforyou.turn.mode=relay")
                .run(app -> assertThat(app).getFailure().rootCause()
                        .hasMessageContaining("none, stun, static, rest"));
    }

    @Test
    void the_bound_properties_print_without_secrets() {
        context.withPropertyValues("chatforyou.turn.mode=rest", "chatforyou.turn.urls=turn:t.example.org:3478",
                        "chatforyou.turn.secret=" + SECRET)
                .run(app -> assertThat(app.getBean(TurnProperties.class).toString()).contains("rest")
                        .doesNotContain(SECRET));
        context.withPropertyValues("turn.server.urls=turn:t.example.org:3478", "turn.server.username=chat",
                        "turn.server.credential=shared-pass")
                .run(app -> assertThat(app.getBean(TurnServerProperties.class).toString()).contains("chat")
                        .doesNotContain("shared-pass"));
    }

    /** Independent of the adapter's code: the JDK's HMAC, as coturn computes it. */
    static String hmacSha1Base64(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
