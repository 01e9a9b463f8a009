package com.chatforyou.adapter.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** KMS URLs may carry a user and password; logs and health show the URL without them. */
class KurentoSettingsDisplayUrlTest {

    @Test
    void the_user_and_password_are_left_out() {
        KurentoSettings settings = KurentoSettings.defaults("wss://kms:s3cret-pass@kms.example.org:8433/kurento");

        assertThat(settings.displayUrl()).isEqualTo("wss://kms.example.org:8433/kurento").doesNotContain("s3cret");
        assertThat(settings.url().getUserInfo()).as("the connection still uses them").isEqualTo("kms:s3cret-pass");
    }

    @Test
    void a_url_without_credentials_is_shown_as_it_is() {
        assertThat(KurentoSettings.defaults("ws://127.0.0.1:8888/kurento").displayUrl())
                .isEqualTo("ws://127.0.0.1:8888/kurento");
    }
}
