package com.chatforyou.boot;

import java.lang.management.ManagementFactory;

/**
 * The process's open-files limit, which bounds connections as the heap bounds participants: each connection
 * is a file descriptor, and a connection past the limit fails with "Too many open files" instead of getting
 * the cap's 503. The JVM raises its soft limit to the hard one by itself, so the hard limit is what counts.
 */
final class OpenFiles {
    /** Files the JVM keeps open besides connections (jars on the class path, logs, epoll, JDK internals). */
    static final int BESIDES_CONNECTIONS = 256;
    /** Fewest WebSocket connections a derived cap allows, however low the limit. */
    static final int MIN_CONNECTIONS = 16;

    private OpenFiles() {
    }

    /** This process's limit, or -1 where the JVM cannot tell. */
    static long limit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : -1;
    }

    /**
     * The largest WebSocket cap whose Tomcat limit ({@link TomcatConnectionLimit#forWebSocketCap}) and the
     * JVM's own files fit in {@code maxFiles}; no bound when the limit is unknown.
     */
    static int connectionsAllowed(long maxFiles) {
        if (maxFiles <= 0) {
            return Integer.MAX_VALUE;
        }
        long forConnections = maxFiles - BESIDES_CONNECTIONS;
        long cap = Math.min(forConnections - TomcatConnectionLimit.MIN_HEADROOM, forConnections * 8 / 9);
        return (int) Math.max(MIN_CONNECTIONS, Math.min(Integer.MAX_VALUE, cap));
    }
}
