package com.chatforyou.adapter.media.kurento;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;

/**
 * Checks within a hard time bound that KMS completes a WebSocket handshake and answers a JSON-RPC
 * ping. kurento-client waits for the handshake without a bound (a server that accepts TCP and never
 * answers holds its connecting thread for good), so the adapter only hands a URL to it after this
 * probe succeeded.
 */
final class KmsProbe {
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([A-Za-z0-9_.:-]{1,128})\"");

    private KmsProbe() {
    }

    /** Returns normally when KMS answered in time; otherwise says why not. */
    static void check(URI url, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean secure = "wss".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
        try (Socket socket = secure ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), remainingMillis(deadline));
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(handshake(url, port).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String headers = readHeaders(socket, in, deadline);
            String statusLine = headers.lines().findFirst().orElse("");
            if (!statusLine.matches("HTTP/1\\.1 101\\b.*")) {
                throw new IOException("WebSocket handshake refused: " + statusLine);
            }
            out.write(maskedTextFrame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"interval\":"
                    + timeout.toMillis() + "}}"));
            out.flush();
            String reply = readTextFrame(socket, in, deadline);
            if (!reply.contains("\"pong\"")) {
                throw new IOException("Unexpected reply to ping: " + reply);
            }
            // The ping opened a session on KMS; end it rather than leave it to expire.
            Matcher session = SESSION_ID.matcher(reply);
            if (session.find()) {
                out.write(maskedTextFrame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"closeSession\","
                        + "\"params\":{\"sessionId\":\"" + session.group(1) + "\"}}"));
                out.flush();
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms", e);
        }
    }

    private static String handshake(URI url, int port) {
        byte[] key = new byte[16];
        // Handshake keys and masks need no secrecy, and SecureRandom may stall on a fresh machine.
        ThreadLocalRandom.current().nextBytes(key);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        return "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
    }

    private static String readHeaders(Socket socket, InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = readByte(socket, in, deadline);
            headers.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (headers.size() > MAX_HEADER_BYTES) {
                throw new IOException("handshake response too long");
            }
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    /** The payload of the next text frame; control frames before it are skipped. */
    private static String readTextFrame(Socket socket, InputStream in, long deadline) throws IOException {
        while (true) {
            int first = readByte(socket, in, deadline);
            int second = readByte(socket, in, deadline);
            long length = second & 0x7F;
            if (length == 126) {
                length = (readByte(socket, in, deadline) << 8) | readByte(socket, in, deadline);
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte(socket, in, deadline);
                }
            }
            if (length > MAX_FRAME_BYTES) {
                throw new IOException("frame too long: " + length);
            }
            byte[] mask = null;
            if ((second & 0x80) != 0) {
                mask = new byte[4];
                for (int i = 0; i < 4; i++) {
                    mask[i] = (byte) readByte(socket, in, deadline);
                }
            }
            byte[] payload = new byte[(int) length];
            for (int i = 0; i < payload.length; i++) {
                int b = readByte(socket, in, deadline);
                payload[i] = (byte) (mask == null ? b : b ^ mask[i % 4]);
            }
            int opcode = first & 0x0F;
            if (opcode == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
            if (opcode == 0x8) {
                throw new IOException("server closed the WebSocket");
            }
        }
    }

    private static byte[] maskedTextFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    private static int readByte(Socket socket, InputStream in, long deadline) throws IOException {
        socket.setSoTimeout(remainingMillis(deadline));
        int b = in.read();
        if (b < 0) {
            throw new IOException("connection closed by the server");
        }
        return b;
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (remaining <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }
}
