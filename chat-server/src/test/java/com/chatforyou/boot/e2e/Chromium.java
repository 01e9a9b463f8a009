package com.chatforyou.boot.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium with a fake camera and microphone, driven by Debian's chromedriver at
 * explicit paths so Selenium never downloads anything.
 */
public final class Chromium {
    private static final File BINARY = firstExisting("/usr/lib/chromium/chromium", "/usr/bin/chromium");
    private static final File DRIVER = firstExisting("/usr/bin/chromedriver");

    /** How the browser answers getUserMedia. */
    public enum Devices {
        /** Fake camera and microphone, both allowed. */
        CAMERA_AND_MICROPHONE,
        /** Two fake cameras (and microphones), all allowed: for switching devices in a call. */
        TWO_CAMERAS,
        /** Fake devices exist, but the camera permission is denied and the microphone granted. */
        CAMERA_DENIED,
        /** Fake devices exist, but the user refused both camera and microphone: receive-only. */
        NOTHING_ALLOWED
    }

    private Chromium() {
    }

    public static ChromeDriver launch(Devices devices) {
        if (BINARY == null || DRIVER == null) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver; "
                    + "the README's test command installs them");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + freshProfile(), "--window-size=1280,800",
                "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
                // Without media permission Chromium hides host addresses behind mDNS names, which the
                // tests' loopback-only namespace cannot resolve; production relies on STUN/TURN instead.
                "--disable-features=WebRtcHideLocalIpsWithMdns");
        switch (devices) {
            case CAMERA_AND_MICROPHONE -> options.addArguments("--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream");
            case TWO_CAMERAS -> options.addArguments("--use-fake-device-for-media-stream=device-count=2",
                    "--use-fake-ui-for-media-stream");
            // The fake UI would override the permissions set below, so it must be absent.
            case CAMERA_DENIED, NOTHING_ALLOWED -> options.addArguments("--use-fake-device-for-media-stream");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Denies the camera and grants the microphone for one origin, as a user clicking "Block" would. */
    static void denyCameraAllowMicrophone(ChromeDriver browser, String origin) {
        browser.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", origin, "permissions", List.of("audioCapture")));
        browser.executeCdpCommand("Browser.setPermission", Map.of("origin", origin,
                "permission", Map.of("name", "camera"), "setting", "denied"));
    }

    /** Denies camera and microphone for one origin. */
    static void denyCameraAndMicrophone(ChromeDriver browser, String origin) {
        for (String permission : List.of("camera", "microphone")) {
            browser.executeCdpCommand("Browser.setPermission", Map.of("origin", origin,
                    "permission", Map.of("name", permission), "setting", "denied"));
        }
    }

    private static String freshProfile() {
        try {
            return Files.createTempDirectory("chatforyou-chromium-").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static File firstExisting(String... paths) {
        for (String path : paths) {
            File file = new File(path);
            if (file.canExecute()) {
                return file;
            }
        }
        return null;
    }
}
