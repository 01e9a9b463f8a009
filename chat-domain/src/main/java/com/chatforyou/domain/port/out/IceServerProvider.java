package com.chatforyou.domain.port.out;

import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.ParticipantId;

/**
 * STUN/TURN servers for a participant's links; asked only after the join checks passed, and again
 * before a grant with an expiry runs out.
 */
public interface IceServerProvider {

    IceServerGrant iceServersFor(ParticipantId participant);
}
