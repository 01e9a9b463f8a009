package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import java.util.function.Supplier;

/** Once the server begins to restart, no room is created, joined or resumed again. */
final class RestartGate {

    private final Object creationLock = new Object();
    /** Set once by {@link #close}, under the creation lock; never cleared. */
    private volatile boolean restarting;

    /** Runs a room creation unless the server is restarting; creations run one at a time. */
    <T> T create(Supplier<T> creation) {
        synchronized (creationLock) {
            refuseWhileRestarting();
            return creation.get();
        }
    }

    void refuseWhileRestarting() {
        if (restarting) {
            throw new ChatException(ErrorCode.SERVER_RESTARTING, "The server is restarting; try again in a moment");
        }
    }

    /** Refuses everything from now on. Under the creation lock, so no room appears once this returns. */
    void close() {
        synchronized (creationLock) {
            restarting = true;
        }
    }
}
