package com.chatforyou.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParticipantSendsTest {

    private static final MediaState SHARING = new MediaState(false, false, true);

    @Test
    void an_audio_only_participant_who_shares_sends_video_too() {
        assertThat(participant(MediaCapabilities.AUDIO_ONLY, SHARING).sends()).isEqualTo(MediaCapabilities.AUDIO_VIDEO);
    }

    @Test
    void without_a_share_a_participant_sends_what_they_joined_with() {
        assertThat(participant(MediaCapabilities.AUDIO_ONLY, MediaState.UNMUTED).sends()).isEqualTo(MediaCapabilities.AUDIO_ONLY);
        assertThat(participant(MediaCapabilities.AUDIO_VIDEO, SHARING).sends()).isEqualTo(MediaCapabilities.AUDIO_VIDEO);
    }

    @Test
    void a_receive_only_participant_has_no_link_to_share_on_so_sends_nothing() {
        assertThat(participant(MediaCapabilities.RECEIVE_ONLY, SHARING).sends()).isEqualTo(MediaCapabilities.RECEIVE_ONLY);
    }

    private static Participant participant(MediaCapabilities capabilities, MediaState state) {
        return new Participant(new ParticipantId("p1"), new DisplayName("Ann"), capabilities, state,
                new ConnectionId("c1"), Instant.EPOCH);
    }
}
