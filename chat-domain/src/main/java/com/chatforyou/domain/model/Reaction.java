package com.chatforyou.domain.model;

import java.util.List;

/** An emoji reaction, one of a fixed set so that nothing else can be shown over a tile. */
public record Reaction(String emoji) {
    public static final List<String> ALLOWED = List.of("👍", "👏", "😂", "😮", "❤️", "🎉", "🙌", "🤔");

    public Reaction {
        if (emoji == null || !ALLOWED.contains(emoji)) {
            throw new ChatException(ErrorCode.INVALID_REACTION, "A reaction is one of " + String.join(" ", ALLOWED));
        }
    }
}
