package com.chatforyou.domain.model;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaSignalTest {

    private static final String SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n";

    @Test
    void a_session_description_starts_with_v0() {
        assertThat(new SessionDescription(SessionDescription.Type.OFFER, SDP).sdp()).isEqualTo(SDP);
        assertThat(refusalOf(() -> new SessionDescription(SessionDescription.Type.OFFER, "o=- 1 2 IN IP4 0.0.0.0")))
                .isEqualTo(ErrorCode.INVALID_SDP);
        assertThat(refusalOf(() -> new SessionDescription(SessionDescription.Type.ANSWER, null)))
                .isEqualTo(ErrorCode.INVALID_SDP);
    }

    @Test
    void a_session_description_needs_a_type() {
        assertThat(refusalOf(() -> new SessionDescription(null, SDP))).isEqualTo(ErrorCode.INVALID_SDP);
    }

    @Test
    void a_session_description_may_take_48_kib_and_no_more() {
        String longest = "v=0" + "a".repeat(48 * 1024 - 3);

        assertThat(new SessionDescription(SessionDescription.Type.OFFER, longest).sdp()).hasSize(48 * 1024);
        assertThat(refusalOf(() -> new SessionDescription(SessionDescription.Type.OFFER, longest + "a")))
                .isEqualTo(ErrorCode.INVALID_SDP);
    }

    @Test
    void only_offer_and_answer_are_session_description_types() {
        assertThat(SessionDescription.parseType("offer")).isEqualTo(SessionDescription.Type.OFFER);
        assertThat(SessionDescription.parseType("answer")).isEqualTo(SessionDescription.Type.ANSWER);
        assertThat(refusalOf(() -> SessionDescription.parseType("pranswer"))).isEqualTo(ErrorCode.INVALID_SDP);
        assertThat(refusalOf(() -> SessionDescription.parseType("rollback"))).isEqualTo(ErrorCode.INVALID_SDP);
        assertThat(refusalOf(() -> SessionDescription.parseType("OFFER"))).isEqualTo(ErrorCode.INVALID_SDP);
        assertThat(refusalOf(() -> SessionDescription.parseType(null))).isEqualTo(ErrorCode.INVALID_SDP);
    }

    @Test
    void a_candidate_starts_with_candidate_colon() {
        IceCandidate candidate = new IceCandidate("candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host", "0", 0);

        assertThat(candidate.candidate()).startsWith("candidate:1 1 udp");
        assertThat(refusalOf(() -> new IceCandidate("1 1 udp 2122260223 192.0.2.1 54400 typ host", "0", 0)))
                .isEqualTo(ErrorCode.INVALID_CANDIDATE);
        assertThat(refusalOf(() -> new IceCandidate(null, "0", 0))).isEqualTo(ErrorCode.INVALID_CANDIDATE);
    }

    @Test
    void an_empty_candidate_marks_the_end_of_candidates() {
        assertThat(new IceCandidate("", "0", null).candidate()).isEmpty();
    }

    @Test
    void a_candidate_may_take_1_kib_and_no_more() {
        String longest = "candidate:" + "x".repeat(1024 - 10);

        assertThat(new IceCandidate(longest, "0", 0).candidate()).hasSize(1024);
        assertThat(refusalOf(() -> new IceCandidate(longest + "x", "0", 0))).isEqualTo(ErrorCode.INVALID_CANDIDATE);
    }

    @Test
    void a_candidate_names_its_media_section() {
        assertThat(new IceCandidate("", null, 3).sdpMLineIndex()).isEqualTo(3);
        assertThat(refusalOf(() -> new IceCandidate("", null, null))).isEqualTo(ErrorCode.INVALID_CANDIDATE);
        assertThat(refusalOf(() -> new IceCandidate("", null, -1))).isEqualTo(ErrorCode.INVALID_CANDIDATE);
        assertThat(refusalOf(() -> new IceCandidate("", null, 256))).isEqualTo(ErrorCode.INVALID_CANDIDATE);
        assertThat(refusalOf(() -> new IceCandidate("", "m".repeat(65), null))).isEqualTo(ErrorCode.INVALID_CANDIDATE);
    }
}
