package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.RoomName;
import com.chatforyou.domain.model.RoomSlug;
import com.chatforyou.domain.port.out.IdGenerator;
import java.util.function.Predicate;

/**
 * The rules for a new room's invite link: one asked for by name is taken as it is, if free; an
 * unguessable one comes from the server's random ids; otherwise the name gives it, numbered
 * ("team-sync-2") when another room's name gave the same one.
 */
final class RoomLinks {
    private static final int MAX_TRIES = 100;

    private RoomLinks() {
    }

    static RoomSlug slugFor(RoomName name, boolean privateLink, RoomSlug requested, Predicate<RoomSlug> taken,
                            IdGenerator ids) {
        if (requested != null) {
            if (taken.test(requested)) {
                throw new ChatException(ErrorCode.ROOM_LINK_TAKEN, "Another room has the link " + requested.value());
            }
            return requested;
        }
        if (!privateLink) {
            var fromName = RoomSlug.fromName(name);
            if (fromName.isPresent()) {
                RoomSlug slug = fromName.get();
                for (int n = 2; taken.test(slug) && n < MAX_TRIES; n++) {
                    slug = fromName.get().numbered(n);
                }
                if (!taken.test(slug)) {
                    return slug;
                }
            }
        }
        for (int i = 0; i < MAX_TRIES; i++) {
            RoomSlug slug = RoomSlug.unguessable(ids.newId());
            if (!taken.test(slug)) {
                return slug;
            }
        }
        throw new IllegalStateException("no free room link after " + MAX_TRIES + " random ids");
    }
}
