package com.chatforyou.boot.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the web client at every invite link, {@code /r/<slug>}: the same index.html, with a
 * {@code <base href="../">} so that its relative URLs (styles, modules, the WebJar, the signaling
 * endpoint) resolve against the app's root, context path included. The page resolves the slug
 * over signaling ({@code room.find}); HTTP never tells whether a room exists, so links cannot be
 * probed here, and a reload always gets the app.
 */
@RestController
public class InviteLinkPage {
    /** The slugs the server issues: lowercase letters and digits in hyphen-joined groups. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final int SLUG_MAX_LENGTH = 64;
    private static final String INDEX = "META-INF/resources/index.html";
    private static final String CHARSET_TAG = "<meta charset=\"utf-8\">";

    private final String page;

    public InviteLinkPage() {
        this(readIndex());
    }

    InviteLinkPage(String index) {
        int at = index.indexOf(CHARSET_TAG);
        if (at < 0) {
            throw new IllegalStateException("index.html must declare <meta charset=\"utf-8\"> first in <head>");
        }
        int after = at + CHARSET_TAG.length();
        this.page = index.substring(0, after) + "\n  <base href=\"../\">" + index.substring(after);
    }

    @GetMapping(path = "/r/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> invite(@PathVariable("slug") String slug) {
        if (slug.length() > SLUG_MAX_LENGTH || !SLUG.matcher(slug.toLowerCase(java.util.Locale.ROOT)).matches()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Not an invite link\n");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(page);
    }

    private static String readIndex() {
        try (InputStream in = InviteLinkPage.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " is not on the classpath: the web-client module is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
