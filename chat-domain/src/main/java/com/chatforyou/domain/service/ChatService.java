package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ChatMessage;
import com.chatforyou.domain.model.ChatText;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.MessageId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.port.in.PostChatMessageUseCase;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.TimeSource;

/** Text chat: a participant posts to the room they sit in, and everyone in it gets the message. */
public final class ChatService implements PostChatMessageUseCase {

    private final RoomStorePort store;
    private final Seats seats;
    private final RoomMessenger messenger;
    private final TimeSource clock;
    private final IdGenerator ids;

    ChatService(RoomStorePort store, Seats seats, RoomMessenger messenger, TimeSource clock, IdGenerator ids) {
        this.store = store;
        this.seats = seats;
        this.messenger = messenger;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public void postChatMessage(PostChatMessageCommand command) {
        Seat seat = seats.of(command.connection())
                .filter(held -> held.room().equals(command.room()))
                .orElseThrow(() -> new ChatException(ErrorCode.NOT_IN_ROOM, "You can only chat in the room you are in"));
        ChatText text = new ChatText(command.text());
        boolean found = store.inRoom(seat.room(), room -> {
            ChatMessage message = room.post(new MessageId(ids.newId()), seat.participant(), text, clock.now());
            messenger.tellEveryoneIn(room, new RoomEvent.ChatPosted(room.id(), message));
        });
        if (!found) {
            throw Refusals.noSuchRoom();
        }
    }
}
