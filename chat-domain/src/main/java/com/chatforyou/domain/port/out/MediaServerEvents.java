package com.chatforyou.domain.port.out;

import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.RoomId;

/** How a media backend talks back to the domain about its ends of links. */
public interface MediaServerEvents {

    /** The media server's SDP or candidate for the participant at the other end of the link. */
    void signalFromMediaServer(RoomId room, LinkId link, MediaSignal signal);

    /**
     * The backend lost this room's media, for example because the media server restarted with a new
     * session. The domain closes every link of the room and plans them afresh; participants see
     * link-close then link-open and renegotiate.
     */
    void mediaReset(RoomId room);
}
