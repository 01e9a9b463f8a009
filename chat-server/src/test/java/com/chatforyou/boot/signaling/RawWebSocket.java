package com.chatforyou.boot.signaling;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client on a plain socket, written out by hand so a test controls everything a library
 * would hide: the Origin header, whether the client reads at all, and closing without a goodbye.
 * Reading happens only when {@link #startReading()} is called; until then the server's messages pile up
 * in the kernel buffers, as with a client that stopped reading.
 */
public final class RawWebSocket implements AutoCloseable {
    static final long WAIT_SECONDS = 30;
    /** Marks, in {@link #next}, that the server closed the connection. */
    static final String CLOSED = "\u0000closed";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int status;
    private final String responseHead;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    /** The server's close frame as "code reason", once it sent one. */
    private volatile String closeStatus;

    private RawWebSocket(int port, String origin, Integer receiveBufferBytes) throws IOException {
        this(port, origin, receiveBufferBytes, "127.0.0.1", "");
    }

    /**
     * @param from         the loopback address to connect from (all of 127.0.0.0/8 is loopback), so tests
     *                     can be several clients by address
     * @param extraHeaders more handshake header lines, each ending in CRLF
     */
    private RawWebSocket(int port, String origin, Integer receiveBufferBytes, String from, String extraHeaders)
            throws IOException {
        socket = new Socket();
        if (receiveBufferBytes != null) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        in = socket.getInputStream();
        out = socket.getOutputStream();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET /signaling HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v12.stomp\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + extraHeaders + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        responseHead = readHttpHead();
        String statusLine = responseHead.lines().findFirst().orElse("");
        status = Integer.parseInt(statusLine.split(" ")[1]);
    }

    /** Opens the handshake; {@link #status()} tells whether it was accepted (101). */
    static RawWebSocket handshake(int port, String origin) throws IOException {
        return new RawWebSocket(port, origin, null);
    }

    /** A connected STOMP session that has subscribed to its events and does not read until told to. */
    public static RawWebSocket stomp(int port, Integer receiveBufferBytes) throws IOException {
        return connectedAndSubscribed(new RawWebSocket(port, null, receiveBufferBytes));
    }

    private static RawWebSocket connectedAndSubscribed(RawWebSocket client) throws IOException {
        client.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0");
        String connected = client.readMessage();
        if (connected == null || !connected.startsWith("CONNECTED")) {
            throw new IOException("no CONNECTED frame: " + connected);
        }
        client.sendText("SUBSCRIBE\nid:events\ndestination:/user/queue/events\n\n\0");
        return client;
    }

    /** Opens the handshake offering these extensions, as a browser does. */
    static RawWebSocket handshakeOffering(int port, String extensions) throws IOException {
        return new RawWebSocket(port, null, null, "127.0.0.1", "Sec-WebSocket-Extensions: " + extensions + "\r\n");
    }

    /** A connected STOMP session from the given loopback address, with extra handshake headers. */
    static RawWebSocket stompFrom(int port, String from, String extraHeaders) throws IOException {
        RawWebSocket client = new RawWebSocket(port, null, null, from, extraHeaders);
        if (client.status != 101) {
            throw new IOException("handshake refused with " + client.status);
        }
        return connectedAndSubscribed(client);
    }

    /** Opens the handshake from the given loopback address and reads the first message, if any. */
    static RawWebSocket handshakeFrom(int port, String from) throws IOException {
        return new RawWebSocket(port, null, null, from, "");
    }

    /** The handshake from the given loopback address with extra header lines (each ending in CRLF). */
    static RawWebSocket handshakeFrom(int port, String from, String extraHeaders) throws IOException {
        return new RawWebSocket(port, null, null, from, extraHeaders);
    }

    /** The server's close frame as "code reason" (e.g. "1008 too-many-connections"), or null before one came. */
    String closeStatus() {
        return closeStatus;
    }

    int status() {
        return status;
    }

    /** The handshake response's status line and headers. */
    String responseHead() {
        return responseHead;
    }

    public void sendStomp(String destination, String body) throws IOException {
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        sendText("SEND\ndestination:" + destination + "\ncontent-type:application/json\ncontent-length:" + length
                + "\n\n" + body + "\0");
    }

    synchronized void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Reads in the background from now on; messages go to {@link #next}. */
    public void startReading() {
        Thread reader = new Thread(() -> {
            try {
                String message;
                while ((message = readMessage()) != null) {
                    received.add(message);
                }
            } catch (IOException closed) {
                // The connection is gone either way.
            }
            received.add(CLOSED);
        }, "raw-websocket-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next message, {@link #CLOSED} once the connection is gone, or null after the usual wait. */
    String next() throws InterruptedException {
        return received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * The body of the next MESSAGE whose JSON has this {@code type}; others are skipped. Fails when the
     * connection closes or nothing matching arrives within the usual wait.
     */
    public String nextOfType(String type) throws InterruptedException {
        String marker = "\"type\":\"" + type + "\"";
        while (true) {
            String message = next();
            if (message == null || message.equals(CLOSED)) {
                throw new AssertionError("no " + type + " before " + (message == null ? "the wait ran out" : "the close"));
            }
            String body = bodyOf(message);
            if (message.startsWith("MESSAGE") && body.contains(marker)) {
                return body;
            }
        }
    }

    public static String bodyOf(String frame) {
        int start = frame.indexOf("\n\n");
        String body = start < 0 ? "" : frame.substring(start + 2);
        return body.endsWith("\0") ? body.substring(0, body.length() - 1) : body;
    }

    /** A WebSocket close frame, then the socket: a tab closed normally. */
    public void closeGracefully() {
        try {
            synchronized (this) {
                byte[] mask = new byte[4];
                RANDOM.nextBytes(mask);
                byte[] code = {0x03, (byte) 0xe8};
                out.write(new byte[] {(byte) 0x88, (byte) 0x82, mask[0], mask[1], mask[2], mask[3],
                        (byte) (code[0] ^ mask[0]), (byte) (code[1] ^ mask[1])});
                out.flush();
            }
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    /** Closes the TCP connection with a reset and no WebSocket close: a crashed client or a pulled cable. */
    public void kill() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    @Override
    public void close() {
        kill();
    }

    /** One whole text message, or null when the server closed the connection. */
    private String readMessage() throws IOException {
        DataInputStream data = new DataInputStream(in);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first = data.read();
            if (first < 0) {
                return null;
            }
            int opcode = first & 0x0f;
            long length = data.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = data.readUnsignedShort();
            } else if (length == 127) {
                length = data.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            data.readFully(payload);
            if (opcode == 0x8) {
                closeStatus = payload.length < 2 ? "none" : (((payload[0] & 0xff) << 8) | (payload[1] & 0xff))
                        + " " + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
                return null;
            }
            if (opcode == 0x9 || opcode == 0xA) {
                continue;
            }
            message.write(payload);
            if ((first & 0x80) != 0) {
                return message.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private String readHttpHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
