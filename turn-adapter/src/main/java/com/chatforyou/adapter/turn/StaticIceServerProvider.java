package com.chatforyou.adapter.turn;

import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.port.out.IceServerProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The same STUN and TURN servers for everyone, from configuration. With nothing configured browsers
 * use host candidates only, which is enough on one network.
 */
public class StaticIceServerProvider implements IceServerProvider {

    private final IceServerGrant iceServers;

    public StaticIceServerProvider(IceServerSettings settings) {
        List<IceServer> servers = new ArrayList<>();
        if (!settings.stunUrls().isEmpty()) {
            servers.add(new IceServer(settings.stunUrls(), null, null));
        }
        if (!settings.turnUrls().isEmpty()) {
            servers.add(new IceServer(settings.turnUrls(), settings.turnUsername(), settings.turnCredential()));
        }
        // Static credentials never expire, which is why rest mode exists.
        this.iceServers = IceServerGrant.unlimited(servers);
    }

    @Override
    public IceServerGrant iceServersFor(ParticipantId participant) {
        return iceServers;
    }
}
