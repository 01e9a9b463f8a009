package com.chatforyou.adapter.turn;

import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.port.out.IceServerProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Short-lived TURN credentials of their own for each participant (TURN REST API), plus any STUN
 * servers. The grant carries the expiry so the domain can renew it in time.
 */
public class TurnRestIceServerProvider implements IceServerProvider {

    private final List<String> stunUrls;
    private final List<String> turnUrls;
    private final TurnRestCredentials credentials;

    public TurnRestIceServerProvider(List<String> stunUrls, List<String> turnUrls, TurnRestCredentials credentials) {
        this.stunUrls = List.copyOf(stunUrls);
        this.turnUrls = List.copyOf(turnUrls);
        if (this.turnUrls.isEmpty()) {
            throw new IllegalArgumentException("chatforyou.turn.mode=rest needs at least one URL in chatforyou.turn.urls");
        }
        this.credentials = credentials;
    }

    @Override
    public IceServerGrant iceServersFor(ParticipantId participant) {
        TurnRestCredentials.Credentials issued = credentials.issue(participant.value());
        List<IceServer> servers = new ArrayList<>(2);
        if (!stunUrls.isEmpty()) {
            servers.add(new IceServer(stunUrls, null, null));
        }
        servers.add(new IceServer(turnUrls, issued.username(), issued.password()));
        return IceServerGrant.until(servers, issued.expiresAt());
    }
}
