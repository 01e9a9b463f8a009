package com.chatforyou.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The media benchmark's floor: the same fake camera, sent from one RTCPeerConnection to another in one
 * bare page, served from loopback for as long as the benchmark runs and open in a browser of its own,
 * which it quits when closed.
 */
final class FloorPage implements AutoCloseable {

    /** One run of the page: click to first remote frame, in ms, and the steps of the run. */
    record Run(double firstFrame, Map<String, Double> steps) {
    }

    private final HttpServer http;
    private ChromeDriver browser;

    private FloorPage(HttpServer http) {
        this.http = http;
    }

    static FloorPage serve() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        http.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        http.start();
        return new FloorPage(http);
    }

    /**
     * Opens the page in the browser it is given to keep and runs it once unmeasured: it warms the
     * browser's media stack up, as the app's first room does.
     */
    void open(ChromeDriver browser) {
        this.browser = browser;
        browser.get("http://127.0.0.1:" + http.getAddress().getPort() + "/");
        run();
    }

    /** The argument every process of the floor's browser is started with. */
    String profileArgument() {
        return MediaPages.profileArgument(browser);
    }

    /** Clicks the page's start, as a user would the app's Join, and waits for the first remote frame. */
    Run run() {
        MediaPages.script(browser, "window.__bench.startClock(); window.run();");
        double frame = MediaPages.awaitFirstFrame(browser, "the floor page's first frame");
        MediaPages.script(browser, "window.cleanup();");
        return new Run(frame, MediaBench.timeline(browser));
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.quit();
        }
        http.stop(0);
    }

    private static final String PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>media floor</title></head>
            <body><video id="remote" autoplay playsinline muted></video>
            <script>
            window.run = async () => {
              const b = window.__bench;
              b.mark('click');
              const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { ideal: 640 }, height: { ideal: 480 } } });
              const sender = new RTCPeerConnection();
              const receiver = new RTCPeerConnection();
              sender.onicecandidate = e => e.candidate && receiver.addIceCandidate(e.candidate);
              receiver.onicecandidate = e => e.candidate && sender.addIceCandidate(e.candidate);
              receiver.ontrack = e => {
                if (e.track.kind !== 'video') return;
                const video = document.getElementById('remote');
                video.srcObject = e.streams[0];
                video.requestVideoFrameCallback(() => { b.firstFrame = performance.now() - b.clickAt; });
              };
              stream.getTracks().forEach(track => sender.addTrack(track, stream));
              await sender.setLocalDescription();
              await receiver.setRemoteDescription(sender.localDescription);
              await receiver.setLocalDescription();
              await sender.setRemoteDescription(receiver.localDescription);
              window.cleanup = () => {
                sender.close(); receiver.close(); stream.getTracks().forEach(t => t.stop());
                document.getElementById('remote').srcObject = null;
              };
            };
            </script></body></html>
            """;
}
