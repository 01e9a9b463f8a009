package com.chatforyou.adapter.media;

import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.MediaServerEvents;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a backend said to the domain, in arrival order; safe to call from any thread. */
public final class RecordingMediaServerEvents implements MediaServerEvents {

    public record ServerSignal(RoomId room, LinkId link, MediaSignal signal) {
    }

    private final List<ServerSignal> signals = new ArrayList<>();
    private final List<RoomId> resets = new ArrayList<>();

    @Override
    public synchronized void signalFromMediaServer(RoomId room, LinkId link, MediaSignal signal) {
        signals.add(new ServerSignal(room, link, signal));
    }

    @Override
    public synchronized void mediaReset(RoomId room) {
        resets.add(room);
    }

    public synchronized List<ServerSignal> signals() {
        return List.copyOf(signals);
    }

    public synchronized List<MediaSignal> signalsOn(LinkId link) {
        return signals.stream().filter(s -> s.link().equals(link)).map(ServerSignal::signal).toList();
    }

    public synchronized List<RoomId> resets() {
        return List.copyOf(resets);
    }
}
