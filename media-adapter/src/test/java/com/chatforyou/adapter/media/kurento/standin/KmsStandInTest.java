package com.chatforyou.adapter.media.kurento.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatforyou.adapter.media.SampleOffers;
import com.chatforyou.adapter.media.kurento.standin.SdpAnswers.Section;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kurento.client.KurentoClient;
import org.kurento.client.MediaPipeline;
import org.kurento.client.WebRtcEndpoint;
import org.kurento.client.internal.server.KurentoServerException;

/** The stand-in itself, driven by the real kurento-client. It moves no media; it keeps books. */
@DisplayName("KMS stand-in (protocol and object books only; it moves no media)")
class KmsStandInTest {

    private final KmsStandIn kms = KmsStandIn.running();
    private final KurentoClient client = KurentoClient.create(kms.url());

    @AfterEach
    void close() {
        client.destroy();
        kms.close();
    }

    @Test
    void answers_an_offer_with_one_section_per_offered_section_in_the_mirrored_direction() {
        MediaPipeline pipeline = client.createMediaPipeline();
        WebRtcEndpoint endpoint = new WebRtcEndpoint.Builder(pipeline).build();

        String answer = endpoint.processOffer(SampleOffers.publishesAudioAndVideo());

        assertThat(answer).startsWith("v=0\r\n").contains("\r\no=- ", "\r\ns=", "\r\nt=0 0\r\n",
                "a=group:BUNDLE 0 1", "a=ice-ufrag:", "a=ice-pwd:", "a=fingerprint:sha-256 ", "a=setup:active");
        assertThat(answer.lines()).allSatisfy(line -> assertThat(line).matches("[a-z]=.*"));
        assertThat(SdpAnswers.describe(answer)).containsExactly(
                new Section("audio", "0", "recvonly"), new Section("video", "1", "recvonly"));
        WebRtcEndpoint viewer = new WebRtcEndpoint.Builder(pipeline).build();
        assertThat(SdpAnswers.describe(viewer.processOffer(SampleOffers.receivesAudioAndVideo()))).containsExactly(
                new Section("audio", "0", "sendonly"), new Section("video", "1", "sendonly"));
    }

    @Test
    void refuses_a_second_offer_on_an_endpoint_as_kms_does() {
        WebRtcEndpoint endpoint = new WebRtcEndpoint.Builder(client.createMediaPipeline()).build();
        endpoint.processOffer(SampleOffers.publishesAudioOnly());

        assertThatThrownBy(() -> endpoint.processOffer(SampleOffers.publishesAudioAndVideo()))
                .isInstanceOfSatisfying(KurentoServerException.class,
                        e -> assertThat(e.getCode()).isEqualTo(KmsStandIn.SDP_END_POINT_ALREADY_NEGOTIATED));
    }

    @Test
    void counts_live_objects_and_releasing_a_pipeline_releases_its_endpoints() {
        MediaPipeline pipeline = client.createMediaPipeline();
        WebRtcEndpoint a = new WebRtcEndpoint.Builder(pipeline).build();
        WebRtcEndpoint b = new WebRtcEndpoint.Builder(pipeline).build();
        a.connect(b);
        assertThat(kms.liveObjects()).isEqualTo(3);
        assertThat(kms.mediaConnections()).hasSize(1);

        b.release();
        assertThat(kms.liveObjects()).isEqualTo(2);
        assertThat(kms.mediaConnections()).isEmpty();

        pipeline.release();
        assertThat(kms.liveObjects()).isZero();
    }

    @Test
    void refuses_requests_for_objects_it_does_not_have() {
        MediaPipeline pipeline = client.createMediaPipeline();
        pipeline.release();

        assertThatThrownBy(pipeline::release).isInstanceOfSatisfying(KurentoServerException.class,
                e -> assertThat(e.getCode()).isEqualTo(KmsStandIn.OBJECT_NOT_FOUND));
    }

    @Test
    void every_reply_names_the_session() {
        client.createMediaPipeline();

        assertThat(client.getSessionId()).isNotBlank();
        assertThat(kms.sessionsOpened()).isEqualTo(1);
        assertThat(kms.calls()).extracting(KmsStandIn.Call::method).contains("create");
        assertThat(List.of(kms.url())).allSatisfy(url -> assertThat(url).startsWith("ws://127.0.0.1:"));
    }
}
