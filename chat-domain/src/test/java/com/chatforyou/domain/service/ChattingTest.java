package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static com.chatforyou.domain.service.RoomServiceFixture.connectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.fixtures.SettableClock;
import com.chatforyou.domain.model.ChatMessage;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.PostChatMessageUseCase.PostChatMessageCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChattingTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");

    @Test
    void a_message_reaches_everyone_in_the_room_including_its_author() {
        chat.say(ann, "hello");

        ChatMessage toAnn = chat.eventsTo(ann, RoomEvent.ChatPosted.class).get(0).message();
        assertThat(chat.eventsTo(ann, RoomEvent.ChatPosted.class)).hasSize(1);
        assertThat(chat.eventsTo(bob, RoomEvent.ChatPosted.class))
                .containsExactly(new RoomEvent.ChatPosted(standup, toAnn));
        assertThat(toAnn.text().value()).isEqualTo("hello");
    }

    @Test
    void a_message_names_its_author_and_when_it_was_sent() {
        chat.clock.advance(Duration.ofSeconds(31));

        chat.say(bob, "hi");

        ChatMessage message = chat.eventsTo(ann, RoomEvent.ChatPosted.class).get(0).message();
        assertThat(message.authorId()).isEqualTo(bob.id());
        assertThat(message.authorName().value()).isEqualTo("Bob");
        assertThat(message.sentAt()).isEqualTo(SettableClock.START.plus(Duration.ofSeconds(31)));
    }

    @Test
    void a_message_stays_in_its_room() {
        RoomId retro = chat.aRoom("Retro");
        Seated cid = chat.join(retro, "Cid");

        chat.say(ann, "standup only");

        assertThat(chat.eventsTo(cid, RoomEvent.ChatPosted.class)).isEmpty();
    }

    @Test
    void markup_is_delivered_verbatim() {
        chat.say(ann, "<img src=x onerror=alert(1)>");

        assertThat(chat.eventsTo(bob, RoomEvent.ChatPosted.class).get(0).message().text().value())
                .isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void line_breaks_and_tabs_are_delivered_as_typed() {
        chat.say(ann, "agenda:\n\t1. demo\n\t2. retro");

        assertThat(chat.eventsTo(bob, RoomEvent.ChatPosted.class).get(0).message().text().value())
                .isEqualTo("agenda:\n\t1. demo\n\t2. retro");
    }

    @Test
    void chat_for_a_room_the_sender_is_not_in_is_refused() {
        RoomId retro = chat.aRoom("Retro");
        Seated cid = chat.join(retro, "Cid");
        chat.notifier.forget();

        assertThat(refusalOf(() -> chat.chatting.postChatMessage(
                new PostChatMessageCommand(ann.connection(), retro, "wrong room"))))
                .isEqualTo(ErrorCode.NOT_IN_ROOM);
        assertThat(chat.notifier.deliveries()).isEmpty();
        assertThat(chat.eventsTo(cid, RoomEvent.ChatPosted.class)).isEmpty();
    }

    @Test
    void chat_without_a_seat_is_refused() {
        assertThat(refusalOf(() -> chat.chatting.postChatMessage(
                new PostChatMessageCommand(connectionOf("stranger"), standup, "hi"))))
                .isEqualTo(ErrorCode.NOT_IN_ROOM);
    }

    @Test
    void an_invalid_message_is_refused_and_not_delivered() {
        chat.notifier.forget();

        assertThat(refusalOf(() -> chat.say(ann, "   "))).isEqualTo(ErrorCode.INVALID_CHAT_MESSAGE);
        assertThat(refusalOf(() -> chat.say(ann, "x".repeat(1001)))).isEqualTo(ErrorCode.INVALID_CHAT_MESSAGE);
        assertThat(refusalOf(() -> chat.say(ann, "ding\u0007"))).isEqualTo(ErrorCode.INVALID_CHAT_MESSAGE);
        assertThat(chat.notifier.deliveries()).isEmpty();
    }

    @Test
    void a_newcomer_gets_the_last_hundred_messages_oldest_first() {
        for (int i = 1; i <= 105; i++) {
            chat.say(i % 2 == 0 ? ann : bob, "message " + i);
        }

        Seated cid = chat.join(standup, "Cid");

        List<String> history = chat.theOnlyJoinedTo(cid).recentChat().stream()
                .map(message -> message.text().value()).toList();
        assertThat(history).hasSize(100);
        assertThat(history.get(0)).isEqualTo("message 6");
        assertThat(history.get(99)).isEqualTo("message 105");
        assertThat(history).isEqualTo(IntStream.rangeClosed(6, 105)
                .mapToObj(i -> "message " + i).toList());
    }

    @Test
    void the_history_keeps_messages_of_those_who_have_left() {
        chat.say(bob, "bye all");
        chat.membership.leaveRoom(bob.connection());

        Seated cid = chat.join(standup, "Cid");

        ChatMessage kept = chat.theOnlyJoinedTo(cid).recentChat().get(0);
        assertThat(kept.authorId()).isEqualTo(bob.id());
        assertThat(kept.authorName().value()).isEqualTo("Bob");
    }

    @Test
    void every_message_gets_its_own_id() {
        chat.say(ann, "one");
        chat.say(ann, "one");

        List<RoomEvent.ChatPosted> posted = chat.eventsTo(bob, RoomEvent.ChatPosted.class);
        assertThat(posted.get(0).message().id()).isNotEqualTo(posted.get(1).message().id());
    }
}
