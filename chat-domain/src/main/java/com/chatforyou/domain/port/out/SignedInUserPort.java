package com.chatforyou.domain.port.out;

import com.chatforyou.domain.model.ConnectionId;
import java.util.Optional;

/**
 * Who is signed in on a connection, when the deployment has host sign-in. The domain only compares:
 * a room remembers its creator's user, and a newcomer signed in as that user is seated as a host.
 * Without sign-in nobody is signed in and a creator is recognised by the connection that created the
 * room only.
 */
public interface SignedInUserPort {

    SignedInUserPort NOBODY = connection -> Optional.empty();

    Optional<String> signedInUser(ConnectionId connection);
}
