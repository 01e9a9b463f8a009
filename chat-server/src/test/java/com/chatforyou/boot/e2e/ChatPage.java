package com.chatforyou.boot.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One participant's browser tab, driven through the page's DOM hooks. */
public final class ChatPage {
    /** An upper bound so a broken build fails instead of hanging; never a performance target. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver browser;
    private final String baseUrl;
    final String name;

    public ChatPage(ChromeDriver browser, String baseUrl, String name) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.name = name;
    }

    public ChatPage openLobby() {
        return openLobby("");
    }

    /** Opens the page with a query string, such as the diagnostic {@code ?iceTransportPolicy=relay}. */
    public ChatPage openLobby(String query) {
        browser.get(baseUrl + "/" + query);
        waitFor(d -> "connected".equals(d.findElement(By.id("connection-status")).getAttribute("data-state")));
        WebElement nameInput = browser.findElement(By.id("display-name"));
        nameInput.clear();
        nameInput.sendKeys(name);
        return this;
    }

    /**
     * From now on this page's camera request is refused and its microphone (and screen) are not, as
     * when a user blocks only the camera. Works where Chromium's permission switches cannot separate them.
     */
    public void refuseCameraKeepMicrophone() {
        script("""
                const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
                navigator.mediaDevices.getUserMedia = constraints => constraints && constraints.video
                  ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))
                  : original(constraints);
                """);
    }

    /** Creates a room and joins it from its pre-join screen. */
    public void createRoom(String roomName, Integer capacity, String password) {
        createRoomOnly(roomName, capacity, password);
        joinFromPrejoin();
    }

    /** Fills and sends the create form; the page then shows the new room's pre-join screen. */
    public void createRoomOnly(String roomName, Integer capacity, String password) {
        browser.findElement(By.id("create-room-name")).sendKeys(roomName);
        if (capacity != null) {
            WebElement capacityInput = browser.findElement(By.id("create-room-capacity"));
            capacityInput.clear();
            capacityInput.sendKeys(capacity.toString());
        }
        if (password != null) {
            browser.findElement(By.id("create-room-password")).sendKeys(password);
        }
        browser.findElement(By.id("create-room-button")).click();
    }

    /** On the pre-join screen: waits until the room is known, then presses "Join now". */
    public void joinFromPrejoin() {
        waitFor(d -> d.findElement(By.id("prejoin-view")).isDisplayed()
                && d.findElement(By.id("prejoin-join")).isEnabled());
        WebElement nameInput = browser.findElement(By.id("prejoin-name"));
        if (!name.equals(nameInput.getDomProperty("value"))) {
            nameInput.clear();
            nameInput.sendKeys(name);
        }
        browser.findElement(By.id("prejoin-join")).click();
    }

    /** Opens an invite link in this browser, as someone who was sent it would. */
    public void openInvite(String url) {
        browser.get(url);
        waitFor(d -> "connected".equals(d.findElement(By.id("connection-status")).getAttribute("data-state")));
    }

    /** Joins a room from the lobby list through its pre-join screen. */
    public void join(String roomName, String password) {
        openPrejoin(roomName, password);
        joinFromPrejoin();
    }

    /** Clicks Join on the room in the lobby list, entering the password if the page asks: the pre-join screen. */
    public void openPrejoin(String roomName, String password) {
        WebElement room = waitFor(d -> d.findElements(By.cssSelector("#room-list li[data-room-id]")).stream()
                .filter(li -> roomName.equals(li.findElement(By.cssSelector(".room-name")).getText()))
                .findFirst().orElse(null));
        room.findElement(By.cssSelector("button.join-button")).click();
        if (password != null) {
            waitFor(d -> d.findElement(By.id("password-dialog")).isDisplayed());
            browser.findElement(By.id("join-password")).sendKeys(password);
            browser.findElement(By.id("join-password-submit")).click();
        }
    }

    /** Waits until the page has made this many peer connections ahead of its links. */
    public void awaitPeerConnectionsReserved(int count) {
        waitFor(d -> ((Number) peerConnectionReserve().get("ready")).intValue() >= count);
    }

    /** How many peer connections wait unused and how many links took one ({@code ready}, {@code taken}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> peerConnectionReserve() {
        return (Map<String, Object>) script("return window.chatForYou.peerConnectionReserve();");
    }

    /**
     * The first encoding of every camera sender this page has, as the browser reports it
     * ({@code maxBitrate}, {@code scaleResolutionDownBy}; absent where the browser decides).
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> cameraSendEncodings() {
        return (List<Map<String, Object>>) script("""
                return window.chatForYou.peerConnections()
                  .flatMap(pc => pc.getSenders())
                  .filter(sender => sender.track && sender.track.kind === 'video' && !/screen|window|tab/i.test(sender.track.label))
                  .map(sender => { const e = sender.getParameters().encodings[0] ?? {};
                                   return { maxBitrate: e.maxBitrate ?? null, scaleResolutionDownBy: e.scaleResolutionDownBy ?? 1 }; });
                """);
    }

    /**
     * Follows the lobby's sign-in link and fills in a sign-in form (the server's own, or the identity
     * provider's) with Spring Security's field names, then waits until the page is back in the lobby.
     */
    public void signIn(String username, String password) {
        WebElement link = waitFor(d -> {
            WebElement candidate = d.findElement(By.id("sign-in-link"));
            return candidate.isDisplayed() ? candidate : null;
        });
        link.click();
        submitLoginForm(username, password);
        waitFor(d -> d.getCurrentUrl().startsWith(baseUrl + "/")
                && d.findElements(By.id("connection-status")).size() == 1
                && "connected".equals(d.findElement(By.id("connection-status")).getAttribute("data-state")));
        WebElement nameInput = browser.findElement(By.id("display-name"));
        nameInput.clear();
        nameInput.sendKeys(name);
    }

    /** Fills in the login form now shown (username, password, submit). */
    public void submitLoginForm(String username, String password) {
        WebElement user = waitFor(d -> d.findElement(By.name("username")));
        user.sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    String currentUrl() {
        return browser.getCurrentUrl();
    }

    String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** The lobby's sign-in box: its text, and whether this page may create rooms. */
    String signInText() {
        return waitFor(d -> {
            String text = d.findElement(By.id("sign-in-text")).getText();
            return text.isEmpty() ? null : text;
        });
    }

    boolean createButtonEnabled() {
        return browser.findElement(By.id("create-room-button")).isEnabled();
    }

    public void waitUntilInRoom() {
        waitFor(d -> d.findElement(By.id("room-view")).isDisplayed());
    }

    String waitForError() {
        return waitFor(d -> {
            WebElement banner = d.findElement(By.id("error-banner"));
            String code = banner.getAttribute("data-error-code");
            return banner.isDisplayed() && code != null && !code.isEmpty() ? code : null;
        });
    }

    String errorText() {
        return browser.findElement(By.id("error-banner")).getText();
    }

    /** What this tab receives from one other participant, read from that participant's tile. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> tileOf(String participantName) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const tile = [...document.querySelectorAll('#tiles .tile[data-participant-id]')]
                    .find(t => t.querySelector('.tile-name')?.textContent === arguments[0]);
                if (!tile) return null;
                const rect = tile.getBoundingClientRect();
                const video = tile.querySelector('video.tile-media');
                const stream = video && video.srcObject;
                const placeholder = tile.querySelector('.tile-placeholder');
                return {
                  hasVideo: tile.dataset.hasVideo,
                  videoWidth: video ? video.videoWidth : 0,
                  videoHeight: video ? video.videoHeight : 0,
                  audioTracks: stream ? stream.getAudioTracks().filter(t => t.readyState === 'live').length : 0,
                  videoTracks: stream ? stream.getVideoTracks().filter(t => t.readyState === 'live').length : 0,
                  placeholderVisible: !!placeholder && placeholder.offsetParent !== null,
                  onStage: tile.parentElement?.id === 'stage',
                  width: Math.round(rect.width),
                  height: Math.round(rect.height)
                };
                """, participantName);
    }

    /** An attribute of one participant's tile in this tab (null when there is no such tile). */
    String tileAttribute(String participantName, String attribute) {
        return (String) script("""
                const tile = [...document.querySelectorAll('#tiles .tile[data-participant-id]')]
                    .find(t => t.querySelector('.tile-name')?.textContent === arguments[0]);
                return tile ? tile.getAttribute(arguments[1]) : null;
                """, participantName, attribute);
    }

    public void waitForVideoFrom(String participantName) {
        waitFor(d -> {
            Map<String, Object> tile = tileOf(participantName);
            return tile != null && ((Number) tile.get("videoWidth")).intValue() > 0 ? tile : null;
        });
    }

    public void waitForTile(String participantName) {
        waitFor(d -> tileOf(participantName));
    }

    void waitUntilTileGone(String participantName) {
        waitFor(d -> tileOf(participantName) == null
                && participantNames().stream().noneMatch(participantName::equals));
    }

    /** Audio packets received for the audio track shown on one participant's tile (-1: no such track). */
    public long inboundAudioPacketsFrom(String participantName) {
        Object packets = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const tile = [...document.querySelectorAll('#tiles .tile[data-participant-id]')]
                    .find(t => t.querySelector('.tile-name')?.textContent === arguments[0]);
                const stream = tile?.querySelector('video.tile-media')?.srcObject;
                const track = stream?.getAudioTracks()[0];
                if (!track) { done(-1); return; }
                Promise.all(window.chatForYou.peerConnections().map(pc => pc.getStats())).then(reports => {
                  let total = 0;
                  for (const report of reports) {
                    report.forEach(s => {
                      if (s.type === 'inbound-rtp' && s.kind === 'audio' && s.trackIdentifier === track.id) {
                        total += s.packetsReceived;
                      }
                    });
                  }
                  done(total);
                }).catch(() => done(-1));
                """, participantName);
        return ((Number) packets).longValue();
    }

    /** Video frames decoded for the video track shown on one participant's tile (-1: no such track). */
    public long videoFramesDecodedFrom(String participantName) {
        Object frames = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const tile = [...document.querySelectorAll('#tiles .tile[data-participant-id]')]
                    .find(t => t.querySelector('.tile-name')?.textContent === arguments[0]);
                const stream = tile?.querySelector('video.tile-media')?.srcObject;
                const track = stream?.getVideoTracks().find(t => t.readyState === 'live');
                if (!track) { done(-1); return; }
                Promise.all(window.chatForYou.peerConnections().map(pc => pc.getStats())).then(reports => {
                  let total = -1;
                  for (const report of reports) {
                    report.forEach(s => {
                      if (s.type === 'inbound-rtp' && s.kind === 'video' && s.trackIdentifier === track.id) {
                        total = Math.max(total, 0) + (s.framesDecoded || 0);
                      }
                    });
                  }
                  done(total);
                }).catch(() => done(-1));
                """, participantName);
        return ((Number) frames).longValue();
    }

    /** Waits until one participant's video plays here: a frame size, and decoded frames that keep coming. */
    public void waitForVideoPlayingFrom(String participantName) {
        waitForVideoFrom(participantName);
        long first = waitFor(d -> {
            long frames = videoFramesDecodedFrom(participantName);
            return frames > 0 ? frames : null;
        });
        waitFor(d -> videoFramesDecodedFrom(participantName) > first);
    }

    public void waitForAudioFrom(String participantName) {
        waitFor(d -> inboundAudioPacketsFrom(participantName) > 0);
    }

    /** The names in the participant list (which may be in a closed panel, so read from the DOM). */
    @SuppressWarnings("unchecked")
    public List<String> participantNames() {
        return (List<String>) script("return [...document.querySelectorAll("
                + "'#participant-list li[data-participant-id] .participant-name')].map(n => n.textContent);");
    }

    public String mediaNotice() {
        return browser.findElement(By.id("media-notice")).getText();
    }

    void sendChat(String text) {
        openChat();
        browser.findElement(By.id("chat-input")).sendKeys(text);
        browser.findElement(By.id("chat-send")).click();
    }

    /** Waits until a message with exactly this text is in the chat log, and returns its author. */
    String waitForChat(String text) {
        // Read from the DOM: the chat may be in a closed panel.
        return waitFor(d -> (String) script("""
                const m = [...document.querySelectorAll('#chat-log .chat-message')]
                    .find(m => m.querySelector('.chat-text').textContent === arguments[0]);
                return m ? m.querySelector('.chat-author').textContent : null;
                """, text));
    }

    /** Opens the chat panel (a drawer on a phone) unless it is open already. */
    void openChat() {
        if (!browser.findElement(By.id("chat-input")).isDisplayed()) {
            browser.findElement(By.id("toggle-chat")).click();
            waitFor(d -> d.findElement(By.id("chat-input")).isDisplayed());
        }
    }

    int elementsInChatLog(String cssSelector) {
        return browser.findElements(By.cssSelector("#chat-log " + cssSelector)).size();
    }

    void saveScreenshot(Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }

    public void clickById(String id) {
        browser.findElement(By.id(id)).click();
    }

    String browserElementText(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Runs a script in the page, as Selenium's executeScript. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The page's session state, as {@code window.chatForYou.state()} gives it. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> state() {
        return (Map<String, Object>) script("return window.chatForYou.state();");
    }

    /** Runs an asynchronous script that calls its last argument with the result. */
    public Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeAsyncScript(script, arguments);
    }

    public void close() {
        browser.quit();
    }

    /** Reloads the page, as the browser's reload button does. */
    public void reload() {
        browser.navigate().refresh();
    }

    /** Sizes the window so that the page's viewport is exactly this size. */
    public void resizeWindow(int width, int height) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        int innerHeight = ((Number) script("return window.innerHeight;")).intValue();
        if (innerHeight != height) {
            // The window's size includes what is not the page; add that back.
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 2 * height - innerHeight));
        }
        waitFor(d -> ((Number) script("return window.innerWidth;")).intValue() == width
                && ((Number) script("return window.innerHeight;")).intValue() == height ? true : null);
    }

    /** Types a key with nothing focused, as a keyboard shortcut is used. */
    public void pressKey(String key) {
        script("document.activeElement?.blur();");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(key).perform();
    }

    /** Closes the tab as a user would (the page's pagehide runs), then ends the browser. */
    public void closeTab() {
        browser.close();
        browser.quit();
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return Objects.requireNonNull(new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                // While a page (re)loads, its scripts are not there yet.
                .ignoring(org.openqa.selenium.JavascriptException.class)
                .until(condition));
    }
}
