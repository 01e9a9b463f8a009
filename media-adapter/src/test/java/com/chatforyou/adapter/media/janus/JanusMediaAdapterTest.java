package com.chatforyou.adapter.media.janus;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.MediaServerLinkContract;
import com.chatforyou.adapter.media.Polling;
import com.chatforyou.domain.port.out.MediaPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The media-port contract against a real Janus, started by the test in its private network namespace. */
@Tag("janus")
@DisplayName("Janus adapter against a real Janus (contract suite)")
class JanusMediaAdapterTest extends MediaServerLinkContract {
    private static final JanusProcess JANUS = JanusProcess.running();

    @AfterAll
    static void stopJanus() throws Exception {
        JANUS.close();
    }

    @Override
    protected MediaPort createAdapter() {
        return new JanusMediaAdapter(JANUS.settings());
    }

    @Override
    protected void awaitReady() {
        Polling.awaitTrue("the adapter to reach Janus", () -> ((JanusMediaAdapter) media).status().up());
    }

    @Test
    void janus_renegotiates_links() {
        assertThat(media.renegotiatesLinks()).isTrue();
        assertThat(media.backendName()).isEqualTo("janus");
    }
}
