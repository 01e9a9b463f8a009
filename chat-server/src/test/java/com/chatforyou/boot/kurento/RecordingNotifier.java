package com.chatforyou.boot.kurento;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import java.util.ArrayList;
import java.util.List;

/** Stands in for the browsers: keeps every event per connection, in order; safe from any thread. */
final class RecordingNotifier implements ParticipantNotifier {

    record Delivery(ConnectionId recipient, RoomEvent event) {
    }

    private final List<Delivery> deliveries = new ArrayList<>();

    @Override
    public synchronized void notify(ConnectionId recipient, RoomEvent event) {
        deliveries.add(new Delivery(recipient, event));
    }

    @Override
    public void roomListChanged(java.util.function.Supplier<List<RoomSummary>> rooms) {
        // The lobby is not under test here.
    }

    synchronized <T extends RoomEvent> List<T> eventsTo(ConnectionId recipient, Class<T> type) {
        return deliveries.stream().filter(d -> d.recipient().equals(recipient)).map(Delivery::event)
                .filter(type::isInstance).map(type::cast).toList();
    }

    synchronized <T extends RoomEvent> List<T> events(Class<T> type) {
        return deliveries.stream().map(Delivery::event).filter(type::isInstance).map(type::cast).toList();
    }
}
