package com.chatforyou.boot.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's login form as a browser uses it, over plain HTTP/1.1 from a chosen loopback address
 * (all of 127.0.0.0/8 is loopback; the JDK's HTTP client cannot pick its source address on Java 17):
 * {@code GET /login} for the session and its CSRF token, then {@code POST /login}. The session cookie
 * it ends with is what a browser would send with the WebSocket handshake.
 */
public final class SignInForm {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final int port;
    private final String from;
    private String session;

    public SignInForm(int port, String from) {
        this.port = port;
        this.from = from;
    }

    /** What the server answered to one request. */
    public record Answer(int status, List<String> headers, String body) {
        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst();
        }
    }

    /** Opens the login page, then submits it; the answer to the submission. */
    public Answer signIn(String username, String password) throws IOException {
        Answer page = send("GET", "/login", null);
        Matcher token = CSRF.matcher(page.body());
        if (page.status() != 200 || !token.find()) {
            throw new IOException("no login form: HTTP " + page.status());
        }
        String form = "username=" + encoded(username) + "&password=" + encoded(password) + "&_csrf="
                + encoded(token.group(1));
        return send("POST", "/login", form);
    }

    /** True when the answer is the redirect a successful sign-in gets (to the lobby, not back to the form). */
    public static boolean signedIn(Answer answer) {
        return answer.status() == 302 && answer.header("Location").filter(to -> !to.contains("/login")).isPresent();
    }

    /** {@code GET /session} with this form's session, as the page asks who is signed in. */
    public Answer session() throws IOException {
        return send("GET", "/session", null);
    }

    /** The handshake header line that carries this session, for a WebSocket opened after signing in. */
    public String cookieHeader() {
        return session == null ? "" : "Cookie: JSESSIONID=" + session + "\r\n";
    }

    private Answer send(String method, String path, String form) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            socket.setSoTimeout(60_000);
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
                    + cookieHeader()
                    + (form == null ? "" : "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                            + body.length + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Answer answer = parse(socket.getInputStream().readAllBytes());
            for (String line : answer.headers()) {
                Matcher cookie = SESSION.matcher(line);
                if (line.toLowerCase(Locale.ROOT).startsWith("set-cookie:") && cookie.find()) {
                    session = cookie.group(1);
                }
            }
            return answer;
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        boolean chunked = headers.stream().anyMatch(line -> line.toLowerCase(Locale.ROOT)
                .matches("transfer-encoding:\\s*chunked\\s*"));
        String body = new String(chunked ? unchunked(rest) : rest, StandardCharsets.UTF_8);
        return new Answer(status, headers, body);
    }

    private static byte[] unchunked(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.read();
            in.read();
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
