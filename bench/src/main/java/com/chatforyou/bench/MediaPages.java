package com.chatforyou.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium pages for the media benchmark (Debian's chromium and chromedriver), with a fake
 * camera and microphone. Every page gets a probe before its own scripts run: it timestamps the join's
 * steps (STOMP frames, getUserMedia, ICE and DTLS states) and the first decoded remote video frame, so
 * the app itself is measured unchanged.
 */
final class MediaPages {
    private static final File BINARY = new File("/usr/lib/chromium/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * Installed before any page script: timestamps with performance.now() after the bench set
     * {@code __bench.clickAt}, read back by the bench. Remote videos are those showing no track this
     * page captured itself (the pre-join preview and the self tile show the own camera).
     */
    static final String PROBE = """
            (() => {
              // Setting firstFrame hands it to a waiting awaitFirstFrame(): the bench waits without polling the page.
              let firstFrame = null;
              const b = window.__bench = { marks: [], clickAt: null, firstFramePresented: null, onFirstFrame: null,
                get firstFrame() { return firstFrame; },
                set firstFrame(value) {
                  firstFrame = value;
                  const waiting = b.onFirstFrame;
                  if (value !== null && waiting) { b.onFirstFrame = null; waiting(value); }
                } };
              const mark = name => { if (b.clickAt !== null) b.marks.push([name, performance.now() - b.clickAt]); };
              b.mark = mark;
              // The bench's click starts the clock: the marks and frames of earlier clicks are gone.
              b.startClock = () => {
                b.marks = []; b.firstFrame = null; b.firstFramePresented = null; b.clickAt = performance.now();
              };
              const NativeSocket = window.WebSocket;
              window.WebSocket = class extends NativeSocket {
                constructor(...args) {
                  super(...args);
                  this.addEventListener('message', e => {
                    const s = String(e.data);
                    if (s.includes('"type":"joined"')) mark('joined received (signaling round trip)');
                    if (s.includes('"type":"link-open"')) mark('link-open received');
                    if (s.includes('"type":"sdp"') && s.includes('"type":"offer"')) mark('offer received');
                    if (s.includes('"type":"sdp"') && s.includes('"type":"answer"')) mark('answer received');
                  });
                }
                send(data) {
                  const s = String(data);
                  if (s.includes('destination:/app/room.join')) mark('join sent');
                  if (s.includes('destination:/app/link.sdp')) mark(s.includes('"type":"offer"') ? 'offer sent' : 'answer sent');
                  return super.send(data);
                }
              };
              // Every captured track, so the first-frame watch skips the own camera (preview and self tile).
              const ownTracks = new WeakSet();
              b.getUserMediaCalls = 0;
              const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
              navigator.mediaDevices.getUserMedia = async constraints => {
                b.getUserMediaCalls++;
                mark('getUserMedia asked');
                const stream = await gum(constraints);
                for (const track of stream.getTracks()) ownTracks.add(track);
                mark('getUserMedia done');
                return stream;
              };
              // Each peer connection is numbered, so the timeline shows the steps of the link that carried
              // the first frame apart from the others'.
              const NativePC = window.RTCPeerConnection;
              const links = [];
              const Probed = function (...args) {
                const pc = new NativePC(...args);
                const n = links.push(pc) - 1;
                const linkMark = step => { mark(step); mark(`link ${n}: ${step}`); };
                linkMark('peer connection made');
                pc.addEventListener('iceconnectionstatechange', () => {
                  if (pc.iceConnectionState === 'checking') linkMark('ICE checking');
                  if (pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed') linkMark('ICE connected');
                });
                // Candidates travel one message each through the server and the other page's main thread.
                pc.addEventListener('icecandidate', e => linkMark(e.candidate ? 'local candidate gathered' : 'local candidates complete'));
                const addCandidate = pc.addIceCandidate.bind(pc);
                pc.addIceCandidate = (...candidate) => {
                  linkMark('remote candidate added');
                  return addCandidate(...candidate);
                };
                pc.addEventListener('connectionstatechange', () => {
                  if (pc.connectionState === 'connected') linkMark('DTLS connected');
                });
                pc.addEventListener('track', () => linkMark('remote track'));
                // A connection the page made ahead of need (before the click) is given its link's configuration.
                const setConfiguration = pc.setConfiguration.bind(pc);
                pc.setConfiguration = config => {
                  linkMark('peer connection configured');
                  return setConfiguration(config);
                };
                const setRemote = pc.setRemoteDescription.bind(pc);
                pc.setRemoteDescription = async description => {
                  linkMark(`remote ${description && description.type} set`);
                  return setRemote(description);
                };
                const setLocal = pc.setLocalDescription.bind(pc);
                pc.setLocalDescription = async (...description) => {
                  const result = await setLocal(...description);
                  linkMark(`local ${pc.localDescription && pc.localDescription.type} made`);
                  return result;
                };
                return pc;
              };
              Probed.prototype = NativePC.prototype;
              window.RTCPeerConnection = Probed;
              // The first frame of any remote video presented on the page after the click. Videos are
              // watched as their srcObject is set (or their stream gains a track), not by polling the
              // page, which would take the main thread the app's join needs.
              const watched = new WeakMap(); // video -> the track it was last watched for
              const watch = video => {
                const tracks = video.srcObject ? video.srcObject.getVideoTracks() : [];
                if (tracks.length === 0 || watched.get(video) === tracks[0] || tracks.some(t => ownTracks.has(t))) return;
                watched.set(video, tracks[0]);
                const onFrame = (now, frame) => {
                  if (b.clickAt !== null && b.firstFramePresented === null) {
                    // When the compositor showed it, which a busy main thread learns of later.
                    b.firstFramePresented = frame.presentationTime - b.clickAt;
                    b.marks.push(['first remote frame presented', b.firstFramePresented]);
                    if (b.firstFrame === null) b.firstFrame = performance.now() - b.clickAt;
                    mark('first remote frame');
                    const n = links.findIndex(pc => pc.getReceivers().some(r => tracks.includes(r.track)));
                    if (n >= 0) mark(`link ${n}: first remote frame`);
                  }
                  if (b.firstFramePresented === null) video.requestVideoFrameCallback(onFrame);
                };
                video.requestVideoFrameCallback(onFrame);
              };
              const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
              Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
                configurable: true,
                enumerable: srcObject.enumerable,
                get() { return srcObject.get.call(this); },
                set(stream) {
                  srcObject.set.call(this, stream);
                  if (this instanceof HTMLVideoElement && stream) {
                    watch(this);
                    stream.addEventListener('addtrack', () => watch(this));
                  }
                },
              });
              // A fallback for a stream given a track by the page's own script (no addtrack event then).
              setInterval(() => document.querySelectorAll('video').forEach(watch), 100);
              // Main-thread tasks over 50 ms after the click (what holds back the page's descriptions), each
              // marked at its start with its length.
              if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
                new PerformanceObserver(list => {
                  for (const task of list.getEntries()) {
                    if (b.clickAt !== null && task.startTime >= b.clickAt) {
                      b.marks.push([`main-thread task of ${Math.round(task.duration)} ms starts`, task.startTime - b.clickAt]);
                    }
                  }
                }).observe({ type: 'longtask' });
              }
            })();
            """;

    private MediaPages() {
    }

    /**
     * The fake cameras' frame rate: 15 a second, half Chromium's default, so K=4 fits two cores. A first
     * remote frame comes about two camera frames after DTLS (the floor: 165 ms at 15, 98 ms at 30).
     */
    static final int CAMERA_FPS = 15;

    static ChromeDriver launch() throws IOException {
        return launch(CAMERA_FPS);
    }

    static ChromeDriver launch(int cameraFps) throws IOException {
        if (!BINARY.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException("The media benchmark needs Debian's chromium and chromium-driver");
        }
        Path profile = Files.createTempDirectory("chatforyou-bench-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--allow-loopback-in-peer-connection",
                "--autoplay-policy=no-user-gesture-required", "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--use-fake-device-for-media-stream=fps=" + cameraFps, "--use-fake-ui-for-media-stream",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(PATIENCE);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
        PROFILES.put(browser, profile);
        return browser;
    }

    /** Each launched browser's own profile directory, which every one of its processes is started with. */
    private static final Map<ChromeDriver, Path> PROFILES = new ConcurrentHashMap<>();

    static Path profileDirectory(ChromeDriver browser) {
        return PROFILES.get(browser);
    }

    /** The argument every process of that browser is started with, which finds them in /proc. */
    static String profileArgument(ChromeDriver browser) {
        return "--user-data-dir=" + profileDirectory(browser);
    }

    static Object script(ChromeDriver browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** Every page presses Leave (where it shows) and is back in the lobby. */
    static void leaveAll(List<ChromeDriver> browsers) throws InterruptedException {
        for (ChromeDriver page : browsers) {
            script(page, "const b = document.getElementById('leave-button'); if (b && b.offsetParent) b.click();");
        }
        for (ChromeDriver page : browsers) {
            await("the lobby again", () -> script(page, "return document.getElementById('room-view').hidden;"));
        }
    }

    /**
     * The page's first remote frame after the click, in ms: one DevTools command that waits for the
     * probe, where polling every 20 ms would take the page's main thread some 40 ms a second.
     */
    static double awaitFirstFrame(ChromeDriver page, String what) {
        try {
            return ((Number) ((JavascriptExecutor) page).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " const b = window.__bench; if (b.firstFrame !== null) done(b.firstFrame); else b.onFirstFrame = done;"))
                    .doubleValue();
        } catch (org.openqa.selenium.ScriptTimeoutException e) {
            throw new IllegalStateException("Waited " + PATIENCE.toSeconds() + " s for " + what, e);
        }
    }

    /** Polls until the value is non-null and not false; fails after {@link #PATIENCE}. */
    static <T> T await(String what, Supplier<T> value) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T seen = value.get();
            if (seen != null && !Boolean.FALSE.equals(seen)) {
                return seen;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** What a page shows when a wait failed: its screen, links, tiles and the probe's marks. */
    static String describe(ChromeDriver browser) {
        try {
            return String.valueOf(script(browser, """
                    const s = window.chatForYou ? window.chatForYou.state() : null;
                    return JSON.stringify({
                      screen: document.body.dataset.screen,
                      address: location.href,
                      banner: document.getElementById('error-text') && document.getElementById('error-text').textContent,
                      preview: [document.getElementById('prejoin-video').videoWidth, document.getElementById('prejoin-join').disabled],
                      phase: s && s.phase,
                      links: s && s.links.map(l => [l.direction, l.connectionState, l.remoteTracks]),
                      tiles: [...document.querySelectorAll('#tiles .tile[data-participant-id] video.tile-media')]
                        .map(v => [v.videoWidth, Boolean(v.srcObject)]),
                      marks: window.__bench && window.__bench.marks,
                    });
                    """));
        } catch (RuntimeException e) {
            return "(page unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Bytes sent and received by every peer connection of the app's page, from getStats, and when the
     * page took them (ms, the page's clock): a rate is over the page's own interval, since reading
     * several loaded pages one after another takes long against a steady state of seconds.
     */
    @SuppressWarnings("unchecked")
    static long[] rtpBytes(ChromeDriver browser) {
        List<Number> totals = (List<Number>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const pcs = window.chatForYou ? window.chatForYou.peerConnections() : [];
                Promise.all(pcs.map(pc => pc.getStats())).then(reports => {
                  let sent = 0, received = 0, at = 0;
                  for (const r of reports) r.forEach(s => {
                    if (s.type === 'outbound-rtp') sent += s.bytesSent || 0;
                    if (s.type === 'inbound-rtp') received += s.bytesReceived || 0;
                    if (s.type === 'outbound-rtp' || s.type === 'inbound-rtp') at = Math.max(at, s.timestamp || 0);
                  });
                  done([sent, received, Math.round(at || performance.timeOrigin + performance.now())]);
                }).catch(() => done([0, 0, 0]));
                """);
        return new long[] {totals.get(0).longValue(), totals.get(1).longValue(), totals.get(2).longValue()};
    }
}
