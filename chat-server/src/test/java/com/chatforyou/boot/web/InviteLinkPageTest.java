package com.chatforyou.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every invite link serves the app (with a base back to its root); the favicon is served, not a 404. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InviteLinkPageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void an_invite_link_serves_the_app_whose_relative_urls_resolve_against_the_root() throws Exception {
        HttpResponse<byte[]> page = get("/r/team-sync");
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(html).contains("<base href=\"../\">").contains("id=\"prejoin-view\"");
        assertThat(html.indexOf("<base href")).isLessThan(html.indexOf("css/app.css"));
    }

    @Test
    void the_same_page_for_every_well_formed_slug_whether_or_not_a_room_has_it() throws Exception {
        // HTTP never tells whether a room exists: the page asks over signaling.
        assertThat(get("/r/no-such-room").statusCode()).isEqualTo(200);
        assertThat(get("/r/k3x9-qp2m-w7ad").body()).isEqualTo(get("/r/team-sync").body());
    }

    @Test
    void something_that_is_no_slug_is_not_found() throws Exception {
        for (String path : new String[] {"/r/a--b", "/r/-x", "/r/" + "a".repeat(65), "/r/%3Cscript%3E"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void the_favicon_is_served_as_svg_and_as_ico() throws Exception {
        HttpResponse<byte[]> svg = get("/favicon.svg");
        HttpResponse<byte[]> ico = get("/favicon.ico");

        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.body()).startsWith(new byte[] {0, 0, 1, 0});
    }
}
