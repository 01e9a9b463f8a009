package com.chatforyou.adapter.media.pool;

import com.chatforyou.adapter.media.MediaServer;
import com.chatforyou.adapter.media.ReportedLoad;
import com.chatforyou.adapter.media.ServerHealth;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.MediaServerEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A media server for pool tests: plans links like an SFU (each publisher offers its upstream, each
 * viewer a downstream link per publisher), refuses everything while down, and can lose its rooms the
 * way Janus does (a reset of each) or go quiet the way an unreachable KMS does (no reset at all).
 */
final class FakeMediaServer implements MediaServer {
    private final String id;
    private final List<Runnable> availableListeners = new CopyOnWriteArrayList<>();
    /** The links each room has here. */
    private final Map<RoomId, Map<LinkId, MediaLink>> rooms = new ConcurrentHashMap<>();
    private final List<RoomId> closedRooms = new CopyOnWriteArrayList<>();
    /** Every room it ever had, also after roomClosed: a careless backend would still reset them. */
    private final Set<RoomId> remembered = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger resetsSent = new java.util.concurrent.atomic.AtomicInteger();
    private volatile MediaServerEvents events;
    private volatile boolean up = true;
    private volatile ReportedLoad reported = ReportedLoad.NONE;

    FakeMediaServer(String id) {
        this.id = id;
    }

    /** The server dies and its session with it: every room it holds is reset, as Janus' adapter does. */
    void loseSession() {
        up = false;
        for (RoomId room : List.copyOf(remembered)) {
            Map<LinkId, MediaLink> links = rooms.get(room);
            if (links != null) {
                links.clear();
            }
            resetsSent.incrementAndGet();
            events.mediaReset(room);
        }
    }

    /** The server cannot be reached, and says nothing about its rooms (KMS while kurento-client reconnects). */
    void goQuiet() {
        up = false;
    }

    /** Reachable again; the rooms it had are as they were (a resumed session). */
    void comeBack() {
        up = true;
        availableListeners.forEach(Runnable::run);
    }

    void report(ReportedLoad load) {
        reported = load;
    }

    /** Rooms with at least one link here. */
    Set<RoomId> roomsWithLinks() {
        Set<RoomId> held = new java.util.HashSet<>();
        rooms.forEach((room, links) -> {
            if (!links.isEmpty()) {
                held.add(room);
            }
        });
        return held;
    }

    int links(RoomId room) {
        Map<LinkId, MediaLink> links = rooms.get(room);
        return links == null ? 0 : links.size();
    }

    int resetsSent() {
        return resetsSent.get();
    }

    List<RoomId> closedRooms() {
        return List.copyOf(closedRooms);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ServerHealth health() {
        return new ServerHealth(up, "ws://" + id + "/", up ? "connected" : "down", up ? "s-" + id : null,
                up ? null : "unreachable");
    }

    @Override
    public ReportedLoad reportedLoad() {
        return reported;
    }

    @Override
    public void whenAvailable(Runnable listener) {
        availableListeners.add(listener);
    }

    @Override
    public String backendName() {
        return "fake-sfu";
    }

    @Override
    public CapacityLimits capacityLimits() {
        return new CapacityLimits(10, 20);
    }

    @Override
    public boolean renegotiatesLinks() {
        return true;
    }

    @Override
    public void attach(MediaServerEvents events) {
        this.events = events;
    }

    @Override
    public List<LinkPlan> planLinks(RoomId room, Participant newcomer, List<Participant> present) {
        requireUp();
        List<LinkPlan> plans = new ArrayList<>();
        ParticipantId id = newcomer.id();
        if (newcomer.sends().publishes()) {
            plans.add(new LinkPlan(id, LinkEnd.participant(id), LinkEnd.mediaServer()));
        }
        for (Participant other : present) {
            if (other.sends().publishes()) {
                plans.add(new LinkPlan(other.id(), LinkEnd.participant(id), LinkEnd.mediaServer()));
            }
            if (newcomer.sends().publishes()) {
                plans.add(new LinkPlan(id, LinkEnd.participant(other.id()), LinkEnd.mediaServer()));
            }
        }
        return plans;
    }

    @Override
    public void linksOpened(RoomId room, List<MediaLink> links) {
        requireUp();
        remembered.add(room);
        Map<LinkId, MediaLink> held = rooms.computeIfAbsent(room, r -> new ConcurrentHashMap<>());
        links.forEach(link -> held.put(link.id(), link));
    }

    @Override
    public void signalToMediaServer(MediaLink link, ParticipantId from, MediaSignal signal) {
    }

    @Override
    public void linksClosed(RoomId room, List<MediaLink> links) {
        Map<LinkId, MediaLink> held = rooms.get(room);
        if (held != null) {
            links.forEach(link -> held.remove(link.id()));
        }
    }

    @Override
    public void roomClosed(RoomId room) {
        rooms.remove(room);
        closedRooms.add(room);
    }

    @Override
    public void close() {
        up = false;
    }

    private void requireUp() {
        if (!up) {
            throw new ChatException(ErrorCode.MEDIA_UNAVAILABLE, "The media server " + id + " is unreachable");
        }
    }
}
