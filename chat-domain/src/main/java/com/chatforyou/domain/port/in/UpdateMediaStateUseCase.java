package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.MediaState;

public interface UpdateMediaStateUseCase {

    void updateMediaState(ConnectionId connection, MediaState state);
}
