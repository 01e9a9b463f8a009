package com.chatforyou.adapter.media.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.MediaPortContract;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.port.out.MediaPort;
import org.junit.jupiter.api.Test;

class MeshMediaAdapterTest extends MediaPortContract {

    @Override
    protected MediaPort createAdapter() {
        return new MeshMediaAdapter();
    }

    @Test
    void publishers_offer_straight_to_each_viewer_with_no_media_server() {
        Participant ann = join("ann", MediaCapabilities.AUDIO_VIDEO);
        Participant bob = join("bob", MediaCapabilities.AUDIO_ONLY);

        assertThat(openLinks()).hasSize(2).allSatisfy(link -> {
            assertThat(link.hasMediaServerEnd()).isFalse();
            assertThat(link.offerer()).isEqualTo(LinkEnd.participant(link.publisher()));
            assertThat(link.isPolite(link.answerer())).isTrue();
        });
        assertThat(openLinks()).extracting(link -> link.publisher())
                .containsExactlyInAnyOrder(ann.id(), bob.id());
    }

    @Test
    void a_full_mesh_of_publishers_needs_one_link_per_ordered_pair() {
        for (String name : new String[] {"a", "b", "c", "d"}) {
            join(name, MediaCapabilities.AUDIO_VIDEO);
        }
        assertThat(openLinks()).hasSize(4 * 3);
    }

    @Test
    void rooms_default_to_six_seats_and_allow_at_most_eight() {
        assertThat(media.capacityLimits().defaultCapacity()).isEqualTo(6);
        assertThat(media.capacityLimits().maximum()).isEqualTo(8);
    }
}
