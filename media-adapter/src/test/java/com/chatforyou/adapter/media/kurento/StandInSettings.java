package com.chatforyou.adapter.media.kurento;

import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import java.net.URI;
import java.time.Duration;

/** Adapter settings for tests against the stand-in: generous request bounds, quick retries. */
public final class StandInSettings {

    private StandInSettings() {
    }

    public static KurentoSettings patient(KmsStandIn kms) {
        return new KurentoSettings(URI.create(kms.url()), Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofMillis(500));
    }

    /** Short request bounds, for tests of a KMS that stops answering. */
    public static KurentoSettings impatient(KmsStandIn kms) {
        return new KurentoSettings(URI.create(kms.url()), Duration.ofMillis(500), Duration.ofMillis(700),
                Duration.ofMillis(1500), Duration.ofMillis(100), Duration.ofMillis(500));
    }
}
