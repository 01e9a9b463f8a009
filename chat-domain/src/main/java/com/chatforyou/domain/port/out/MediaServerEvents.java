package com.chatforyou.domain.port.out;

import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.RoomId;

/** How a media backend talks back to the domain about its ends of links. */
public interface MediaServerEvents {

    /** The media server's SDP or candidate for the participant at the other end of the link. */
    void signalFromMediaServer(RoomId room, LinkId link, MediaSignal signal);
}
