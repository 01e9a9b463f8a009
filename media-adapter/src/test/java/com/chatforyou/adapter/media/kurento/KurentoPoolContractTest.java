package com.chatforyou.adapter.media.kurento;

import com.chatforyou.adapter.media.MediaServerLinkContract;
import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import com.chatforyou.adapter.media.pool.MediaServerPool;
import com.chatforyou.adapter.media.pool.PlacementStrategy;
import com.chatforyou.adapter.media.pool.PoolSettings;
import com.chatforyou.domain.port.out.MediaPort;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

/** The media-port contract on a pool of two Kurento servers: KMS stand-ins, which move no media. */
@DisplayName("Kurento pool on two KMS stand-ins, which move no media (contract suite)")
class KurentoPoolContractTest extends MediaServerLinkContract {
    private final KmsStandIn one = KmsStandIn.running();
    private final KmsStandIn two = KmsStandIn.running();
    private MediaServerPool pool;

    @Override
    protected MediaPort createAdapter() {
        pool = new MediaServerPool(List.of(new KurentoMediaAdapter(StandInSettings.patient(one)),
                new KurentoMediaAdapter(StandInSettings.patient(two))), PlacementStrategy.leastStreams(),
                PoolSettings.defaults());
        return pool;
    }

    @Override
    protected void awaitReady() {
        Polling.awaitTrue("both stand-ins connected", () -> pool.snapshot().stream().allMatch(s -> s.health().up()));
    }

    @AfterEach
    void stopTheStandIns() {
        one.close();
        two.close();
    }
}
