package com.chatforyou.domain.model;

import com.chatforyou.domain.port.out.NameSkeletonPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Who was removed from a room and may not come back before a time. Without accounts a ban holds the
 * keys a newcomer brings: the connection, the browser's {@link ClientToken} and the display name
 * (compared as names are in the room). Someone who clears their browser's storage and picks another
 * name gets past it; that is what it costs to have no accounts.
 */
final class RemovalBans {
    /** A busy class removing people all day stays bounded; the oldest ban goes first. */
    static final int MAX_BANS = 200;

    private record Ban(ConnectionId connection, DisplayName name, Optional<ClientToken> token, Instant until) {
        boolean covers(Newcomer newcomer, NameSkeletonPort skeletons) {
            return connection.equals(newcomer.connection()) || name.sameAs(newcomer.displayName(), skeletons)
                    || (token.isPresent() && token.equals(newcomer.clientToken()));
        }
    }

    private final List<Ban> bans = new ArrayList<>();
    private final NameSkeletonPort skeletons;

    RemovalBans(NameSkeletonPort skeletons) {
        this.skeletons = skeletons;
    }

    void ban(Participant removed, Optional<ClientToken> token, Instant until) {
        bans.add(new Ban(removed.connection(), removed.displayName(), token, until));
        if (bans.size() > MAX_BANS) {
            bans.remove(0);
        }
    }

    /** The rule "the removed stay out for a while": refuses a newcomer a ban still covers. */
    void refuseBanned(Newcomer newcomer, Instant now) {
        Iterator<Ban> it = bans.iterator();
        while (it.hasNext()) {
            Ban ban = it.next();
            if (!now.isBefore(ban.until())) {
                it.remove();
            } else if (ban.covers(newcomer, skeletons)) {
                throw new ChatException(ErrorCode.BANNED,
                        "A host removed you from this room; you can come back after " + ban.until());
            }
        }
    }
}
