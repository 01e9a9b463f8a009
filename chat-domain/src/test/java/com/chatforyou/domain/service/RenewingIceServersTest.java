package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.FixedIceServers.expiringServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.chatforyou.domain.fixtures.FixedIceServers;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Short-lived TURN credentials are replaced over signaling before they expire: once four fifths of
 * a grant's lifetime (6 h here, so after 4 h 48 min) have passed.
 */
class RenewingIceServersTest {

    private static final Duration LIFETIME = Duration.ofHours(6);
    private static final Duration RENEWAL_DUE = Duration.ofMinutes(288);

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");

    @Test
    void servers_that_never_expire_are_never_renewed() {
        Seated ann = chat.join(standup, "Ann");
        chat.clock.advance(Duration.ofDays(100));

        chat.negotiation.renewExpiringIceServers();

        assertThat(chat.eventsTo(ann, RoomEvent.IceServersRefreshed.class)).isEmpty();
        assertThat(chat.iceServers.handedTo()).containsExactly(ann.id());
    }

    @Test
    void expiring_servers_are_renewed_once_four_fifths_of_their_lifetime_have_passed() {
        chat.iceServers.expireAfter(LIFETIME, chat.clock);
        Seated ann = chat.join(standup, "Ann");
        assertThat(chat.theOnlyJoinedTo(ann).iceServers()).containsExactly(expiringServer(1, ann.id()));

        chat.clock.advance(RENEWAL_DUE.minusSeconds(1));
        chat.negotiation.renewExpiringIceServers();
        assertThat(chat.eventsTo(ann, RoomEvent.IceServersRefreshed.class)).isEmpty();

        chat.clock.advance(Duration.ofSeconds(1));
        chat.negotiation.renewExpiringIceServers();
        assertThat(chat.eventsTo(ann, RoomEvent.IceServersRefreshed.class))
                .containsExactly(new RoomEvent.IceServersRefreshed(List.of(expiringServer(2, ann.id()))));
    }

    @Test
    void a_renewal_is_itself_renewed_after_four_fifths_of_its_own_lifetime() {
        chat.iceServers.expireAfter(LIFETIME, chat.clock);
        Seated ann = chat.join(standup, "Ann");
        chat.clock.advance(RENEWAL_DUE);
        chat.negotiation.renewExpiringIceServers();
        // Running again at once renews nothing: the new grant is fresh.
        chat.negotiation.renewExpiringIceServers();
        assertThat(chat.eventsTo(ann, RoomEvent.IceServersRefreshed.class)).hasSize(1);

        chat.clock.advance(RENEWAL_DUE.minusSeconds(1));
        chat.negotiation.renewExpiringIceServers();
        assertThat(chat.eventsTo(ann, RoomEvent.IceServersRefreshed.class)).hasSize(1);
        chat.clock.advance(Duration.ofSeconds(1));
        chat.negotiation.renewExpiringIceServers();

        assertThat(chat.eventsTo(ann, RoomEvent.IceServersRefreshed.class))
                .extracting(RoomEvent.IceServersRefreshed::iceServers)
                .containsExactly(List.of(expiringServer(2, ann.id())), List.of(expiringServer(3, ann.id())));
    }

    @Test
    void each_participant_is_renewed_on_their_own_schedule_and_only_they_hear_of_it() {
        chat.iceServers.expireAfter(LIFETIME, chat.clock);
        Seated ann = chat.join(standup, "Ann");
        chat.clock.advance(Duration.ofHours(1));
        Seated bob = chat.join(standup, "Bob");
        chat.notifier.forget();

        chat.clock.advance(RENEWAL_DUE.minus(Duration.ofHours(1)));
        chat.negotiation.renewExpiringIceServers();

        assertThat(chat.notifier.deliveries()).hasSize(1);
        assertThat(chat.notifier.deliveries().get(0).recipient()).isEqualTo(ann.connection());
        assertThat(chat.eventsTo(bob)).isEmpty();

        chat.clock.advance(Duration.ofHours(1));
        chat.negotiation.renewExpiringIceServers();
        assertThat(chat.eventsTo(bob, RoomEvent.IceServersRefreshed.class)).hasSize(1);
        assertThat(chat.eventsTo(ann, RoomEvent.IceServersRefreshed.class)).hasSize(1);
    }

    @Test
    void someone_who_left_gets_no_new_credentials() {
        chat.iceServers.expireAfter(LIFETIME, chat.clock);
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");
        chat.membership.leaveRoom(bob.connection());
        chat.notifier.forget();

        chat.clock.advance(LIFETIME);
        chat.negotiation.renewExpiringIceServers();

        assertThat(chat.eventsTo(bob)).isEmpty();
        assertThat(chat.eventsTo(ann, RoomEvent.IceServersRefreshed.class)).hasSize(1);
        assertThat(chat.iceServers.handedTo()).containsExactly(ann.id(), bob.id(), ann.id());
    }

    @Test
    void a_renewal_that_fails_is_retried_on_the_next_run() {
        chat.iceServers.expireAfter(LIFETIME, chat.clock);
        Seated ann = chat.join(standup, "Ann");
        chat.clock.advance(RENEWAL_DUE);

        chat.iceServers.failNext();
        chat.negotiation.renewExpiringIceServers();
        assertThat(chat.eventsTo(ann, RoomEvent.IceServersRefreshed.class)).isEmpty();

        chat.negotiation.renewExpiringIceServers();
        assertThat(chat.eventsTo(ann, RoomEvent.IceServersRefreshed.class)).hasSize(1);
    }

    @Test
    void a_provider_failure_on_join_leaves_no_seat_and_opens_no_link() {
        chat.join(standup, "Ann");
        chat.iceServers.failNext();

        assertThatIllegalStateException().isThrownBy(() -> chat.join(standup, "Bob"));

        assertThat(chat.headCount(standup)).isEqualTo(1);
        assertThat(chat.media.opened()).isEmpty();
        // The connection holds no seat: it may try again.
        Seated bob = chat.join(standup, "Bob");
        assertThat(chat.theOnlyJoinedTo(bob).iceServers()).isEqualTo(FixedIceServers.SERVERS);
    }
}
