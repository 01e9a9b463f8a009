package com.chatforyou.adapter.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.DisplayName;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.MediaPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every media backend must do, whatever its topology. Each backend's test extends this and
 * supplies the adapter; the suite plays the domain's part (attaching, ids, link bookkeeping).
 * Backends whose links end at a media server also pass {@link MediaServerLinkContract}.
 */
public abstract class MediaPortContract {

    protected final RoomId room = new RoomId("room-1");
    protected final RecordingMediaServerEvents serverEvents = new RecordingMediaServerEvents();
    private final List<Participant> present = new ArrayList<>();
    private final List<MediaLink> openLinks = new ArrayList<>();
    private int nextLinkId;
    protected MediaPort media;

    /** A fresh adapter, ready to serve rooms. */
    protected abstract MediaPort createAdapter();

    /** Waits until a freshly attached adapter can serve rooms; most backends are ready at once. */
    protected void awaitReady() {
    }

    @BeforeEach
    void createMediaPort() {
        media = createAdapter();
        media.attach(serverEvents);
        awaitReady();
    }

    @AfterEach
    void closeMediaPort() throws Exception {
        if (media instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    void offers_a_default_capacity_within_its_maximum() {
        assertThat(media.capacityLimits().defaultCapacity()).isBetween(2, media.capacityLimits().maximum());
        assertThat(media.backendName()).isNotBlank();
    }

    @Test
    void every_viewer_receives_every_publisher() {
        join("ann", MediaCapabilities.AUDIO_VIDEO);
        join("bob", MediaCapabilities.AUDIO_ONLY);
        join("cid", MediaCapabilities.RECEIVE_ONLY);
        join("dee", MediaCapabilities.AUDIO_VIDEO);

        for (Participant publisher : present) {
            for (Participant viewer : present) {
                boolean shouldReceive = publisher.capabilities().publishes() && !viewer.equals(publisher);
                assertThat(receives(viewer.id(), publisher.id()))
                        .as("%s receives %s", viewer.displayName().value(), publisher.displayName().value())
                        .isEqualTo(shouldReceive);
            }
        }
    }

    @Test
    void every_publisher_has_a_link_that_carries_its_media_out() {
        join("ann", MediaCapabilities.AUDIO_VIDEO);
        join("bob", MediaCapabilities.AUDIO_ONLY);

        for (Participant publisher : present) {
            assertThat(openLinks).anySatisfy(link -> {
                assertThat(link.publisher()).isEqualTo(publisher.id());
                assertThat(link.involves(publisher.id())).isTrue();
            });
        }
    }

    @Test
    void a_receive_only_participant_publishes_nothing() {
        join("ann", MediaCapabilities.AUDIO_VIDEO);
        Participant watcher = join("cid", MediaCapabilities.RECEIVE_ONLY);

        assertThat(openLinks).noneMatch(link -> link.publisher().equals(watcher.id()));
    }

    @Test
    void links_only_join_participants_of_the_room_and_never_a_participant_to_itself() {
        join("ann", MediaCapabilities.AUDIO_VIDEO);
        join("bob", MediaCapabilities.AUDIO_VIDEO);
        join("cid", MediaCapabilities.AUDIO_ONLY);

        List<ParticipantId> ids = present.stream().map(Participant::id).toList();
        for (MediaLink link : openLinks) {
            for (LinkEnd end : List.of(link.offerer(), link.answerer())) {
                if (end instanceof LinkEnd.OfParticipant p) {
                    assertThat(ids).contains(p.id());
                }
            }
            assertThat(link.offerer()).isNotEqualTo(link.answerer());
            assertThat(ids).contains(link.publisher());
        }
    }

    /** Joins like the domain does: plan, assign ids, tell the backend. */
    protected Participant join(String name, MediaCapabilities capabilities) {
        Participant newcomer = new Participant(new ParticipantId("p-" + name), new DisplayName(name), capabilities,
                MediaState.UNMUTED, new ConnectionId("c-" + name), Instant.EPOCH);
        List<MediaLink> links = new ArrayList<>();
        for (LinkPlan plan : media.planLinks(room, newcomer, List.copyOf(present))) {
            links.add(new MediaLink(new LinkId("l" + nextLinkId++), room, plan.publisher(), plan.offerer(),
                    plan.answerer()));
        }
        media.linksOpened(room, links);
        openLinks.addAll(links);
        present.add(newcomer);
        return newcomer;
    }

    /**
     * Leaves like the domain does: the links the participant is an end of or publishes on close, and
     * the last one out closes the room.
     */
    protected void leave(Participant leaver) {
        List<MediaLink> closed = openLinks.stream()
                .filter(link -> link.involves(leaver.id()) || link.publisher().equals(leaver.id())).toList();
        openLinks.removeAll(closed);
        present.remove(leaver);
        media.linksClosed(room, closed);
        if (present.isEmpty()) {
            media.roomClosed(room);
        }
    }

    protected List<MediaLink> openLinks() {
        return List.copyOf(openLinks);
    }

    protected List<Participant> present() {
        return List.copyOf(present);
    }

    /** A viewer receives a publisher when some link carries that publisher's media to the viewer. */
    private boolean receives(ParticipantId viewer, ParticipantId publisher) {
        return openLinks.stream().anyMatch(link -> link.publisher().equals(publisher) && link.involves(viewer)
                && !viewer.equals(publisher));
    }
}
