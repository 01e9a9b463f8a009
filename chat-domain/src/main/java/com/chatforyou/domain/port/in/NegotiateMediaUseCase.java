package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaSignal;

public interface NegotiateMediaUseCase {

    /** Passes an SDP or candidate from one end of a link to the other (a participant or the media server). */
    void negotiate(NegotiateMediaCommand command);

    record NegotiateMediaCommand(ConnectionId connection, LinkId link, MediaSignal signal) {
    }
}
