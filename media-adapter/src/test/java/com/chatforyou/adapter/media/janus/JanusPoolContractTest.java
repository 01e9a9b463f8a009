package com.chatforyou.adapter.media.janus;

import com.chatforyou.adapter.media.MediaServerLinkContract;
import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.pool.MediaServerPool;
import com.chatforyou.adapter.media.pool.PlacementStrategy;
import com.chatforyou.adapter.media.pool.PoolSettings;
import com.chatforyou.domain.port.out.MediaPort;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

/** The media-port contract on a pool of two real Janus servers, in the test's private network namespace. */
@Tag("janus")
@DisplayName("Janus pool of two real Janus servers (contract suite)")
class JanusPoolContractTest extends MediaServerLinkContract {
    private static final JanusProcess ONE = JanusProcess.running();
    private static final JanusProcess TWO = JanusProcess.running();
    private MediaServerPool pool;

    @AfterAll
    static void stopJanus() {
        ONE.close();
        TWO.close();
    }

    @Override
    protected MediaPort createAdapter() {
        pool = new MediaServerPool(List.of(new JanusMediaAdapter(ONE.settings()), new JanusMediaAdapter(TWO.settings())),
                PlacementStrategy.leastStreams(), PoolSettings.defaults());
        return pool;
    }

    @Override
    protected void awaitReady() {
        Polling.awaitTrue("both Janus servers connected", () -> pool.snapshot().stream().allMatch(s -> s.health().up()));
    }
}
