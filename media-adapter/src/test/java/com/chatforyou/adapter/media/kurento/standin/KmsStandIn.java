package com.chatforyou.adapter.media.kurento.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A protocol-level stand-in for the Kurento Media Server, for tests. It speaks KMS's JSON-RPC 2.0
 * over WebSocket on 127.0.0.1 (ping, connect, create, invoke, subscribe, unsubscribe, release,
 * closeSession, and server-sent onEvent) and keeps KMS's object table, so tests can count what an
 * adapter leaves behind. <strong>It moves no media</strong>: its SDP answers and ICE candidates are
 * well formed, but nothing listens behind them. It proves lifecycle and protocol, never video.
 *
 * <p>It can also misbehave like a real deployment: be down ({@link #create()} without
 * {@link #start()}, or {@link #stop()}), restart as a new KMS with new sessions ({@link #restart()}),
 * lose connections but keep sessions ({@link #dropConnections()}), read requests but never answer
 * them ({@link #silence}), or accept TCP and never answer the WebSocket handshake
 * ({@link #acceptingButNeverAnswering()}).
 */
public final class KmsStandIn implements AutoCloseable {

    /** KMS's error code for a session it does not know; the client then opens a new session. */
    public static final int INVALID_SESSION = 40007;
    public static final int OBJECT_NOT_FOUND = 40101;
    public static final int SDP_PARSE_ERROR = 40201;
    public static final int SDP_END_POINT_ALREADY_NEGOTIATED = 40208;
    /** The id kurento-client gives KMS's ServerManager. */
    private static final String SERVER_MANAGER = "manager_ServerManager";

    /** A request as the stand-in received it. */
    public record Call(String method, String operation, String object, JsonObject params) {
    }

    /** A media connection between two endpoints; {@code mediaType} is null when all media flows. */
    public record Connection(String source, String sink, String mediaType) {
    }

    private record StandInObject(String id, String type, String pipeline, String session) {
    }

    private record Subscription(String id, String object, String type, String session) {
    }

    private final int port;
    private final boolean answersHandshakes;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private volatile Channel server;
    /** The run of the KMS process this connection was accepted by (see {@link #run}). */
    private static final AttributeKey<Integer> RUN = AttributeKey.valueOf("kms-stand-in-run");
    /**
     * Which run of the KMS process is up: a stop ends a run, and a request that reaches a connection of
     * an earlier run (its close still on the way) is never answered, as a dead process answers nothing;
     * above all it must not bring that run's session back to life.
     */
    private volatile int run;
    private volatile boolean silent;
    /** From {@link #partition()} to {@link #heal()}: no request is read, no connection kept. */
    private volatile boolean partitioned;
    /** The ServerManager's figures (getUsedCpu, getUsedMemory), as a test sets them. */
    private volatile float usedCpu = 5.0f;
    private volatile long usedMemoryKib = 300_000;
    /** Partition the network once this many more WebRtcEndpoints are created; 0: never. */
    private int partitionAfterEndpoints;

    // KMS state; guarded by this.
    private final Map<String, StandInObject> objects = new LinkedHashMap<>();
    private final List<Connection> mediaConnections = new ArrayList<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Set<String> sessions = new HashSet<>();
    private final Map<String, Channel> sessionChannels = new HashMap<>();
    private final Map<String, String> lastOffers = new HashMap<>();
    private final Set<String> gathering = new HashSet<>();
    private final List<Call> calls = new ArrayList<>();
    private int sessionsOpened;
    private long nextId;

    private KmsStandIn(int port, boolean answersHandshakes) {
        this.port = port;
        this.answersHandshakes = answersHandshakes;
    }

    /** A stand-in on a free loopback port, not yet listening: KMS is down until {@link #start()}. */
    public static KmsStandIn create() {
        return new KmsStandIn(freePort(), true);
    }

    /** A stand-in that is up and answering. */
    public static KmsStandIn running() {
        return create().start();
    }

    /** A server that accepts TCP connections and never answers the WebSocket handshake. */
    public static KmsStandIn acceptingButNeverAnswering() {
        return new KmsStandIn(freePort(), false).start();
    }

    public String url() {
        return "ws://127.0.0.1:" + port + "/kurento";
    }

    public int port() {
        return port;
    }

    /** Starts listening as a fresh KMS process: no sessions, no objects. */
    public synchronized KmsStandIn start() {
        if (server != null) {
            return this;
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (partitioned) {
                            channel.close();
                            return;
                        }
                        channel.attr(RUN).set(run);
                        connections.add(channel);
                        channel.closeFuture().addListener(closed -> connections.remove(channel));
                        if (answersHandshakes) {
                            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                    new WebSocketServerProtocolHandler("/kurento", null, true, 1 << 20),
                                    new WebSocketFrameAggregator(1 << 20), new JsonRpcHandler());
                        } else {
                            channel.pipeline().addLast(new SwallowEverything());
                        }
                    }
                });
        // Right after stop() the kernel now and then still counts the port as taken; try a little longer.
        for (int attempt = 1; ; attempt++) {
            try {
                server = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).sync().channel();
                return this;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while binding port " + port, e);
            } catch (Exception e) {
                if (!(e instanceof java.net.BindException) || attempt == 50) {
                    throw new IllegalStateException("cannot listen on port " + port, e);
                }
                sleepBriefly();
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** KMS goes away: the port refuses connections, open connections drop, and all state is lost. */
    public void stop() {
        Channel listening;
        synchronized (this) {
            listening = server;
            server = null;
            run++;
            objects.clear();
            mediaConnections.clear();
            subscriptions.clear();
            sessions.clear();
            sessionChannels.clear();
            lastOffers.clear();
            gathering.clear();
        }
        if (listening != null) {
            listening.close().syncUninterruptibly();
        }
        closeConnections();
    }

    /** KMS restarts: clients that reconnect find their session gone and get a new one. */
    public KmsStandIn restart() {
        stop();
        return start();
    }

    /**
     * KMS restarts but then takes its clients' old session ids, as when a request other than {@code connect}
     * reaches it first: clients resume "their" session, and every object is gone.
     */
    public void restartKeepingSessionIds() {
        Set<String> kept;
        synchronized (this) {
            kept = new HashSet<>(sessions);
        }
        stop();
        synchronized (this) {
            sessions.addAll(kept);
        }
        start();
    }

    /** The network drops every connection but KMS keeps running: sessions and objects survive. */
    public void dropConnections() {
        closeConnections();
    }

    /**
     * The network between the app and KMS fails: the port refuses connections and open connections drop,
     * while KMS runs on with its sessions and objects, until {@link #heal()}.
     */
    public void partition() {
        partitioned = true;
        Channel listening;
        synchronized (this) {
            listening = server;
            server = null;
        }
        if (listening != null) {
            listening.close().syncUninterruptibly();
        }
        closeConnections();
    }

    /** Whether the port takes connections (not stopped, not partitioned). */
    public boolean listening() {
        return server != null && !partitioned;
    }

    /** The network is back: a client that reconnects with its session id finds its session and objects. */
    public KmsStandIn heal() {
        partitioned = false;
        return start();
    }

    /** {@link #partition()} right after the {@code endpoints}-th WebRtcEndpoint created from now on is answered. */
    public synchronized void partitionAfterCreating(int endpoints) {
        partitionAfterEndpoints = endpoints;
    }

    /** What ServerManager.getUsedCpu and getUsedMemory answer from now on. */
    public void reportLoad(float cpuPercent, long memoryKib) {
        usedCpu = cpuPercent;
        usedMemoryKib = memoryKib;
    }

    /** While silent, requests are read and never answered, as by a KMS that hangs. */
    public void silence(boolean silent) {
        this.silent = silent;
    }

    public synchronized int liveObjects() {
        return objects.size();
    }

    public synchronized int liveObjects(String type) {
        return (int) objects.values().stream().filter(o -> o.type().equals(type)).count();
    }

    public synchronized List<String> liveObjectIds() {
        return List.copyOf(objects.keySet());
    }

    public synchronized List<Connection> mediaConnections() {
        return List.copyOf(mediaConnections);
    }

    public synchronized int liveSubscriptions() {
        return subscriptions.size();
    }

    /** How many sessions were opened; a client that lost its session opens another. */
    public synchronized int sessionsOpened() {
        return sessionsOpened;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> invocations(String operation) {
        return calls.stream().filter(c -> operation.equals(c.operation())).toList();
    }

    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void closeConnections() {
        for (Channel channel : List.copyOf(connections)) {
            channel.close().syncUninterruptibly();
        }
    }

    /**
     * A free port below Linux's default ephemeral range (32768 and up): the stand-in stops and binds
     * again on the same port, and an outgoing connection could otherwise take it in between.
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(20000, 32000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate), 1);
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    /** Answers one request; returns the reply and any events to send after it, in order. */
    private synchronized List<Outgoing> handle(Channel channel, JsonObject request) {
        if (server == null || !Integer.valueOf(run).equals(channel.attr(RUN).get())) {
            return List.of(); // KMS is down, or this connection was to the process that stopped
        }
        String method = request.get("method").getAsString();
        JsonElement id = request.get("id");
        JsonObject params = request.has("params") && request.get("params").isJsonObject()
                ? request.getAsJsonObject("params") : new JsonObject();
        calls.add(new Call(method, string(params, "operation"), string(params, "object"), params.deepCopy()));

        if (method.equals("connect")) {
            String requested = string(params, "sessionId");
            if (requested != null && !sessions.contains(requested)) {
                return List.of(new Outgoing(channel, error(id, INVALID_SESSION, "Invalid session", "INVALID_SESSION")));
            }
            String session = requested != null ? requested : openSession();
            sessionChannels.put(session, channel);
            JsonObject result = new JsonObject();
            result.addProperty("sessionId", session);
            return List.of(new Outgoing(channel, reply(id, result)));
        }
        String session = sessionOf(channel, string(params, "sessionId"));
        List<Outgoing> after = new ArrayList<>();
        JsonObject result = new JsonObject();
        try {
            switch (method) {
                case "ping" -> result.addProperty("value", "pong");
                case "create" -> {
                    result.addProperty("value", create(params, session));
                    if ("WebRtcEndpoint".equals(string(params, "type")) && partitionAfterEndpoints > 0
                            && --partitionAfterEndpoints == 0) {
                        after.add(PARTITION);
                    }
                }
                case "invoke" -> invoke(params, result, after);
                case "subscribe" -> result.addProperty("value", subscribe(params, session));
                case "unsubscribe" -> subscriptions.remove(string(params, "subscription"));
                case "release" -> release(require(string(params, "object")).id());
                case "closeSession" -> closeSession(session);
                default -> throw new StandInError(-32601, "Method not found: " + method, "METHOD_NOT_FOUND");
            }
        } catch (StandInError e) {
            return List.of(new Outgoing(channel, error(id, e.code, e.getMessage(), e.type)));
        }
        result.addProperty("sessionId", session);
        List<Outgoing> out = new ArrayList<>();
        out.add(new Outgoing(channel, reply(id, result)));
        out.addAll(after);
        return out;
    }

    private String openSession() {
        sessionsOpened++;
        String session = UUID.randomUUID().toString();
        sessions.add(session);
        return session;
    }

    /** KMS opens a session for a request without one, and adopts a session id it is given. */
    private String sessionOf(Channel channel, String requested) {
        String session = requested;
        if (session == null) {
            session = sessionChannels.entrySet().stream().filter(e -> e.getValue() == channel)
                    .map(Map.Entry::getKey).findFirst().orElseGet(this::openSession);
        } else if (sessions.add(session)) {
            sessionsOpened++;
        }
        sessionChannels.put(session, channel);
        return session;
    }

    private String create(JsonObject params, String session) {
        String type = string(params, "type");
        JsonObject constructor = params.has("constructorParams") ? params.getAsJsonObject("constructorParams")
                : new JsonObject();
        String id;
        String pipeline;
        switch (type == null ? "" : type) {
            case "MediaPipeline" -> {
                id = "pipeline-" + (++nextId) + "_kurento.MediaPipeline";
                pipeline = null;
            }
            case "WebRtcEndpoint" -> {
                StandInObject owner = require(string(constructor, "mediaPipeline"));
                if (!owner.type().equals("MediaPipeline")) {
                    throw new StandInError(40001, "mediaPipeline is not a MediaPipeline", "MARSHALL_ERROR");
                }
                pipeline = owner.id();
                id = pipeline + "/endpoint-" + (++nextId) + "_kurento.WebRtcEndpoint";
            }
            default -> throw new StandInError(40107, "The stand-in cannot create " + type, "MEDIA_OBJECT_TYPE_NOT_FOUND");
        }
        objects.put(id, new StandInObject(id, type, pipeline, session));
        return id;
    }

    private void invoke(JsonObject params, JsonObject result, List<Outgoing> after) {
        String operation = string(params, "operation");
        if (SERVER_MANAGER.equals(string(params, "object"))) {
            serverManager(operation, result);
            return;
        }
        StandInObject target = require(string(params, "object"));
        JsonObject args = params.has("operationParams") ? params.getAsJsonObject("operationParams") : new JsonObject();
        switch (operation == null ? "" : operation) {
            case "connect" -> {
                StandInObject sink = require(string(args, "sink"));
                mediaConnections.add(new Connection(target.id(), sink.id(), string(args, "mediaType")));
            }
            case "processOffer" -> {
                requireEndpoint(target);
                String offer = string(args, "offer");
                if (offer == null || !offer.startsWith("v=0")) {
                    throw new StandInError(SDP_PARSE_ERROR, "SDP offer could not be parsed", "SDP_PARSE_ERROR");
                }
                // Like KMS: a WebRtcEndpoint takes one offer; renegotiation and ICE restarts are refused.
                if (lastOffers.containsKey(target.id())) {
                    throw new StandInError(SDP_END_POINT_ALREADY_NEGOTIATED, "Endpoint already negotiated",
                            "SDP_END_POINT_ALREADY_NEGOTIATED");
                }
                lastOffers.put(target.id(), offer);
                result.addProperty("value", SdpAnswers.answer(offer));
            }
            case "gatherCandidates" -> {
                requireEndpoint(target);
                if (gathering.add(target.id())) {
                    after.addAll(candidateEvents(target));
                }
                result.addProperty("value", true);
            }
            case "addIceCandidate" -> {
                requireEndpoint(target);
                if (!args.has("candidate") || !args.get("candidate").isJsonObject()) {
                    throw new StandInError(40001, "candidate missing", "MARSHALL_ERROR");
                }
            }
            default -> throw new StandInError(40105, "The stand-in does not implement " + operation,
                    "MEDIA_OBJECT_METHOD_NOT_FOUND");
        }
    }

    /** KMS's ServerManager: its load figures and the pipelines it holds. */
    private void serverManager(String operation, JsonObject result) {
        switch (operation == null ? "" : operation) {
            case "getUsedCpu" -> result.addProperty("value", usedCpu);
            case "getUsedMemory" -> result.addProperty("value", usedMemoryKib);
            case "getPipelines" -> {
                JsonArray pipelines = new JsonArray();
                objects.values().stream().filter(o -> o.type().equals("MediaPipeline")).forEach(o -> pipelines.add(o.id()));
                result.add("value", pipelines);
            }
            default -> throw new StandInError(40105, "The stand-in's ServerManager does not implement " + operation,
                    "MEDIA_OBJECT_METHOD_NOT_FOUND");
        }
    }

    private void requireEndpoint(StandInObject target) {
        if (!target.type().equals("WebRtcEndpoint")) {
            throw new StandInError(40105, target.type() + " has no such operation", "MEDIA_OBJECT_METHOD_NOT_FOUND");
        }
    }

    /** One host candidate per offered m-section, sent to the sessions that subscribed. */
    private List<Outgoing> candidateEvents(StandInObject endpoint) {
        List<Outgoing> events = new ArrayList<>();
        String offer = lastOffers.get(endpoint.id());
        List<String> mids = offer == null ? List.of("0") : SdpAnswers.mids(offer);
        for (Subscription subscription : subscriptions.values()) {
            Channel channel = sessionChannels.get(subscription.session());
            if (!subscription.object().equals(endpoint.id()) || !subscription.type().equals("IceCandidateFound")
                    || channel == null) {
                continue;
            }
            for (int index = 0; index < mids.size(); index++) {
                JsonObject candidate = new JsonObject();
                candidate.addProperty("__module__", "kurento");
                candidate.addProperty("__type__", "IceCandidate");
                candidate.addProperty("candidate",
                        "candidate:" + (index + 1) + " 1 UDP 2015363327 127.0.0.1 " + (40000 + index) + " typ host");
                candidate.addProperty("sdpMid", mids.get(index) == null ? String.valueOf(index) : mids.get(index));
                candidate.addProperty("sdpMLineIndex", index);
                JsonObject data = new JsonObject();
                data.addProperty("source", endpoint.id());
                data.add("tags", new JsonArray());
                data.addProperty("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
                data.addProperty("timestampMillis", String.valueOf(System.currentTimeMillis()));
                data.addProperty("type", "IceCandidateFound");
                data.add("candidate", candidate);
                JsonObject value = new JsonObject();
                value.add("data", data);
                value.addProperty("object", endpoint.id());
                value.addProperty("type", "IceCandidateFound");
                JsonObject eventParams = new JsonObject();
                eventParams.add("value", value);
                JsonObject event = new JsonObject();
                event.addProperty("jsonrpc", "2.0");
                event.addProperty("method", "onEvent");
                event.add("params", eventParams);
                events.add(new Outgoing(channel, event));
            }
        }
        return events;
    }

    private String subscribe(JsonObject params, String session) {
        StandInObject target = require(string(params, "object"));
        String id = "subscription-" + (++nextId);
        subscriptions.put(id, new Subscription(id, target.id(), string(params, "type"), session));
        return id;
    }

    private void release(String id) {
        List<String> doomed = new ArrayList<>();
        doomed.add(id);
        objects.values().stream().filter(o -> id.equals(o.pipeline())).forEach(o -> doomed.add(o.id()));
        for (String gone : doomed) {
            objects.remove(gone);
            lastOffers.remove(gone);
            gathering.remove(gone);
        }
        mediaConnections.removeIf(c -> doomed.contains(c.source()) || doomed.contains(c.sink()));
        subscriptions.values().removeIf(s -> doomed.contains(s.object()));
    }

    /** Like KMS, ending a session releases what that session created. */
    private void closeSession(String session) {
        objects.values().stream().filter(o -> session.equals(o.session())).map(StandInObject::id).toList()
                .forEach(id -> {
                    if (objects.containsKey(id)) {
                        release(id);
                    }
                });
    }

    private StandInObject require(String id) {
        StandInObject object = id == null ? null : objects.get(id);
        if (object == null) {
            throw new StandInError(OBJECT_NOT_FOUND, "Object '" + id + "' not found", "MEDIA_OBJECT_NOT_FOUND");
        }
        return object;
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static JsonObject reply(JsonElement id, JsonObject result) {
        JsonObject reply = new JsonObject();
        reply.addProperty("jsonrpc", "2.0");
        reply.add("id", id);
        reply.add("result", result);
        return reply;
    }

    private static JsonObject error(JsonElement id, int code, String message, String type) {
        JsonObject data = new JsonObject();
        data.addProperty("type", type);
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        error.add("data", data);
        JsonObject reply = new JsonObject();
        reply.addProperty("jsonrpc", "2.0");
        reply.add("id", id);
        reply.add("error", error);
        return reply;
    }

    private record Outgoing(Channel channel, JsonObject message) {
    }

    /** Not a message: the network fails once what came before it is sent. */
    private static final Outgoing PARTITION = new Outgoing(null, null);

    private static final class StandInError extends RuntimeException {
        private final int code;
        private final String type;

        StandInError(int code, String message, String type) {
            super(message);
            this.code = code;
            this.type = type;
        }
    }

    private final class JsonRpcHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
            if (silent || partitioned) {
                return;
            }
            JsonObject message = JsonParser.parseString(frame.text()).getAsJsonObject();
            if (!message.has("method")) {
                return; // a client's reply to a server request; KMS sends none that need one
            }
            for (Outgoing outgoing : handle(context.channel(), message)) {
                if (outgoing == PARTITION) {
                    // Nothing more is read from now on; the sockets close off the event loop, which
                    // partition() waits for.
                    partitioned = true;
                    new Thread(KmsStandIn.this::partition, "kms-stand-in-partition").start();
                    return;
                }
                if (outgoing.message().has("id") && outgoing.message().get("id").isJsonNull()) {
                    continue; // notifications get no reply
                }
                outgoing.channel().writeAndFlush(new TextWebSocketFrame(outgoing.message().toString()));
            }
        }
    }

    /** Reads and drops every byte: TCP is accepted, the WebSocket handshake never answered. */
    private static final class SwallowEverything extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            ReferenceCountUtil.release(message);
        }
    }
}
