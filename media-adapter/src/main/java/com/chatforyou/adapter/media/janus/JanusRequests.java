package com.chatforyou.adapter.media.janus;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import tools.jackson.databind.node.ObjectNode;

/** The small pieces every videoroom request is made of, and the cause behind a failed future. */
final class JanusRequests {

    private JanusRequests() {
    }

    static ObjectNode body(String request) {
        return JanusSocket.JSON.createObjectNode().put("request", request);
    }

    static ObjectNode jsep(String type, String sdp) {
        return JanusSocket.JSON.createObjectNode().put("type", type).put("sdp", sdp);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
