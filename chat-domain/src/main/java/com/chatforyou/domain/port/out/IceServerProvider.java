package com.chatforyou.domain.port.out;

import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.ParticipantId;
import java.util.List;

/** STUN/TURN servers for a participant's links; handed out only after the join checks passed. */
public interface IceServerProvider {

    List<IceServer> iceServersFor(ParticipantId participant);
}
