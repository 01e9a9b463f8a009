package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static com.chatforyou.domain.service.RoomServiceFixture.answer;
import static com.chatforyou.domain.service.RoomServiceFixture.candidate;
import static com.chatforyou.domain.service.RoomServiceFixture.connectionOf;
import static com.chatforyou.domain.service.RoomServiceFixture.offer;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.RoomEvent.SignalReceived;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.NegotiateMediaUseCase.NegotiateMediaCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import org.junit.jupiter.api.Test;

/**
 * Mesh links between participants. On the link carrying Ann's media to Bob, Ann offers first and is
 * the impolite end; Bob answers and is the polite end.
 */
class NegotiatingMediaTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");
    private final LinkId annToBob = chat.linkCarrying(ann, bob).id();

    // ---- relaying ----

    @Test
    void an_offer_reaches_the_other_end_of_the_link() {
        chat.send(ann, annToBob, offer("ann"));

        assertThat(chat.signalsTo(bob)).containsExactly(new SignalReceived(annToBob, offer("ann")));
    }

    @Test
    void a_signal_reaches_only_the_other_end() {
        Seated cid = chat.join(standup, "Cid");

        chat.send(ann, annToBob, offer("ann"));

        assertThat(chat.signalsTo(ann)).isEmpty();
        assertThat(chat.signalsTo(cid)).isEmpty();
        assertThat(chat.media.signalsToServer()).isEmpty();
    }

    @Test
    void an_answer_to_a_pending_offer_reaches_the_offerer() {
        chat.send(ann, annToBob, offer("ann"));

        chat.send(bob, annToBob, answer("bob"));

        assertThat(chat.signalsTo(ann)).containsExactly(new SignalReceived(annToBob, answer("bob")));
    }

    @Test
    void candidates_are_relayed_in_both_directions_whatever_the_offer_state() {
        IceCandidate early = candidate(50000);
        IceCandidate last = new IceCandidate("", "0", 0);

        chat.send(bob, annToBob, early);
        chat.send(ann, annToBob, offer("ann"));
        chat.send(ann, annToBob, candidate(50001));
        chat.send(bob, annToBob, last);

        assertThat(chat.signalsTo(ann))
                .containsExactly(new SignalReceived(annToBob, early), new SignalReceived(annToBob, last));
        assertThat(chat.signalsTo(bob)).containsExactly(new SignalReceived(annToBob, offer("ann")),
                new SignalReceived(annToBob, candidate(50001)));
    }

    @Test
    void either_end_may_renegotiate_once_the_first_offer_is_answered() {
        chat.send(ann, annToBob, offer("ann"));
        chat.send(bob, annToBob, answer("bob"));

        chat.send(bob, annToBob, offer("bob-ice-restart"));
        chat.send(ann, annToBob, answer("ann"));

        assertThat(chat.signalsTo(ann)).extracting(SignalReceived::signal)
                .containsExactly(answer("bob"), offer("bob-ice-restart"));
        assertThat(chat.signalsTo(bob)).extracting(SignalReceived::signal)
                .containsExactly(offer("ann"), answer("ann"));
    }

    // ---- refusals ----

    @Test
    void a_link_nobody_opened_is_unknown() {
        assertThat(refusalOf(() -> chat.send(ann, new LinkId("no-such-link"), offer("ann"))))
                .isEqualTo(ErrorCode.UNKNOWN_LINK);
    }

    @Test
    void a_link_of_another_room_is_unknown_here() {
        RoomId retro = chat.aRoom("Retro");
        Seated cid = chat.join(retro, "Cid");
        Seated dee = chat.join(retro, "Dee");
        LinkId cidToDee = chat.linkCarrying(cid, dee).id();

        assertThat(refusalOf(() -> chat.send(ann, cidToDee, offer("ann")))).isEqualTo(ErrorCode.UNKNOWN_LINK);
        assertThat(chat.signalsTo(dee)).isEmpty();
    }

    @Test
    void a_link_of_someone_else_in_the_room_is_not_yours() {
        Seated cid = chat.join(standup, "Cid");

        assertThat(refusalOf(() -> chat.send(cid, annToBob, offer("cid")))).isEqualTo(ErrorCode.LINK_NOT_OWNED);
        assertThat(refusalOf(() -> chat.send(cid, annToBob, candidate(50000)))).isEqualTo(ErrorCode.LINK_NOT_OWNED);
        assertThat(chat.signalsTo(ann)).isEmpty();
        assertThat(chat.signalsTo(bob)).isEmpty();
    }

    @Test
    void a_link_closed_by_a_leave_is_reported_closed() {
        Seated cid = chat.join(standup, "Cid");
        LinkId annToCid = chat.linkCarrying(ann, cid).id();
        chat.membership.leaveRoom(cid.connection());

        assertThat(refusalOf(() -> chat.send(ann, annToCid, candidate(50000)))).isEqualTo(ErrorCode.LINK_CLOSED);
    }

    @Test
    void an_answer_without_a_pending_offer_is_out_of_order() {
        assertThat(refusalOf(() -> chat.send(bob, annToBob, answer("bob"))))
                .isEqualTo(ErrorCode.NEGOTIATION_OUT_OF_ORDER);
        assertThat(chat.signalsTo(ann)).isEmpty();
    }

    @Test
    void an_end_cannot_answer_its_own_offer() {
        chat.send(ann, annToBob, offer("ann"));

        assertThat(refusalOf(() -> chat.send(ann, annToBob, answer("ann"))))
                .isEqualTo(ErrorCode.NEGOTIATION_OUT_OF_ORDER);
        assertThat(chat.signalsTo(bob)).extracting(SignalReceived::signal).containsExactly(offer("ann"));
    }

    @Test
    void an_offer_can_be_answered_only_once() {
        chat.send(ann, annToBob, offer("ann"));
        chat.send(bob, annToBob, answer("bob"));

        assertThat(refusalOf(() -> chat.send(bob, annToBob, answer("bob-again"))))
                .isEqualTo(ErrorCode.NEGOTIATION_OUT_OF_ORDER);
    }

    @Test
    void negotiating_without_a_seat_is_refused() {
        assertThat(refusalOf(() -> chat.negotiation.negotiate(
                new NegotiateMediaCommand(connectionOf("stranger"), annToBob, offer("x")))))
                .isEqualTo(ErrorCode.NOT_IN_ROOM);
    }

    @Test
    void a_leaver_can_no_longer_negotiate() {
        chat.membership.leaveRoom(bob.connection());

        assertThat(refusalOf(() -> chat.send(bob, annToBob, candidate(50000)))).isEqualTo(ErrorCode.NOT_IN_ROOM);
    }

    // ---- glare: both ends offer at once ----

    @Test
    void when_the_impolite_end_offers_first_the_polite_ends_crossing_offer_is_dropped() {
        chat.send(ann, annToBob, offer("ann"));

        chat.send(bob, annToBob, offer("bob"));

        assertThat(chat.signalsTo(ann)).isEmpty();
        assertThat(chat.signalsTo(bob)).containsExactly(new SignalReceived(annToBob, offer("ann")));
    }

    @Test
    void after_dropping_its_offer_the_polite_end_answers_the_impolite_offer() {
        chat.send(ann, annToBob, offer("ann"));
        chat.send(bob, annToBob, offer("bob"));

        chat.send(bob, annToBob, answer("bob"));

        assertThat(chat.signalsTo(ann)).containsExactly(new SignalReceived(annToBob, answer("bob")));
    }

    @Test
    void when_the_polite_end_offers_first_the_impolite_ends_crossing_offer_still_wins() {
        chat.send(bob, annToBob, offer("bob"));

        chat.send(ann, annToBob, offer("ann"));

        assertThat(chat.signalsTo(ann)).containsExactly(new SignalReceived(annToBob, offer("bob")));
        assertThat(chat.signalsTo(bob)).containsExactly(new SignalReceived(annToBob, offer("ann")));
    }

    @Test
    void once_the_impolite_offer_has_won_only_the_polite_end_may_answer() {
        chat.send(bob, annToBob, offer("bob"));
        chat.send(ann, annToBob, offer("ann"));

        assertThat(refusalOf(() -> chat.send(ann, annToBob, answer("ann"))))
                .isEqualTo(ErrorCode.NEGOTIATION_OUT_OF_ORDER);
        chat.send(bob, annToBob, answer("bob"));

        assertThat(chat.signalsTo(ann)).extracting(SignalReceived::signal)
                .containsExactly(offer("bob"), answer("bob"));
    }

    @Test
    void candidates_still_flow_during_glare() {
        chat.send(ann, annToBob, offer("ann"));
        chat.send(bob, annToBob, offer("bob"));

        chat.send(bob, annToBob, candidate(50000));

        assertThat(chat.signalsTo(ann)).containsExactly(new SignalReceived(annToBob, candidate(50000)));
    }

    @Test
    void glare_on_one_link_does_not_affect_another() {
        LinkId bobToAnn = chat.linkCarrying(bob, ann).id();
        chat.send(ann, annToBob, offer("ann"));

        chat.send(bob, bobToAnn, offer("bob"));

        assertThat(chat.signalsTo(ann)).containsExactly(new SignalReceived(bobToAnn, offer("bob")));
    }
}
