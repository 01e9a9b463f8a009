package com.chatforyou.domain.model;

public enum LeaveReason {
    /** The participant pressed leave. */
    LEFT,
    /** The connection closed or stopped answering heartbeats. */
    DISCONNECTED,
    /** A host removed the participant. */
    REMOVED
}
