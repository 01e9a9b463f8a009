package com.chatforyou.adapter.media;

/**
 * Offers shaped like Chromium's (unified plan, BUNDLE, DTLS-SRTP, trickle ICE), so a real media
 * server would parse them too. Each m-section's direction is what a ChatForYou browser offers.
 */
public final class SampleOffers {

    private SampleOffers() {
    }

    /** A camera-and-microphone publisher's offer: both tracks sent. */
    public static String publishesAudioAndVideo() {
        return offer(section("audio", "0", "sendonly"), section("video", "1", "sendonly"));
    }

    /** A microphone-only publisher's offer. */
    public static String publishesAudioOnly() {
        return offer(section("audio", "0", "sendonly"));
    }

    /** A viewer's offer on a receiving link: it sends nothing and takes whatever the publisher sends. */
    public static String receivesAudioAndVideo() {
        return offer(section("audio", "0", "recvonly"), section("video", "1", "recvonly"));
    }

    /** How many m-sections an SDP has. */
    public static long mediaSections(String sdp) {
        return sdp.lines().filter(line -> line.startsWith("m=")).count();
    }

    private static String offer(String... sections) {
        StringBuilder mids = new StringBuilder();
        for (int i = 0; i < sections.length; i++) {
            mids.append(' ').append(i);
        }
        StringBuilder sdp = new StringBuilder()
                .append("v=0\r\n")
                .append("o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n")
                .append("s=-\r\n")
                .append("t=0 0\r\n")
                .append("a=group:BUNDLE").append(mids).append("\r\n")
                .append("a=extmap-allow-mixed\r\n")
                .append("a=msid-semantic: WMS stream\r\n");
        for (String section : sections) {
            sdp.append(section);
        }
        return sdp.toString();
    }

    private static String section(String kind, String mid, String direction) {
        boolean audio = kind.equals("audio");
        String payloads = audio ? "111" : "96 97";
        StringBuilder section = new StringBuilder()
                .append("m=").append(kind).append(" 9 UDP/TLS/RTP/SAVPF ").append(payloads).append("\r\n")
                .append("c=IN IP4 0.0.0.0\r\n")
                .append("a=rtcp:9 IN IP4 0.0.0.0\r\n")
                .append("a=ice-ufrag:x9Qe\r\n")
                .append("a=ice-pwd:2bMh7ZgdRk7XbqKJ3aOeTy6u\r\n")
                .append("a=ice-options:trickle\r\n")
                .append("a=fingerprint:sha-256 5B:3D:8A:1F:0C:77:E2:4B:9D:6A:31:C8:F0:12:AB:CD:")
                .append("EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD\r\n")
                .append("a=setup:actpass\r\n")
                .append("a=mid:").append(mid).append("\r\n")
                .append("a=").append(direction).append("\r\n");
        if (direction.startsWith("send")) {
            section.append("a=msid:stream track-").append(kind).append("\r\n");
        }
        section.append("a=rtcp-mux\r\n");
        if (audio) {
            section.append("a=rtpmap:111 opus/48000/2\r\n")
                    .append("a=rtcp-fb:111 transport-cc\r\n")
                    .append("a=fmtp:111 minptime=10;useinbandfec=1\r\n");
        } else {
            section.append("a=rtcp-rsize\r\n")
                    .append("a=rtpmap:96 VP8/90000\r\n")
                    .append("a=rtcp-fb:96 goog-remb\r\n")
                    .append("a=rtcp-fb:96 nack\r\n")
                    .append("a=rtcp-fb:96 nack pli\r\n")
                    .append("a=rtcp-fb:96 ccm fir\r\n")
                    .append("a=rtpmap:97 rtx/90000\r\n")
                    .append("a=fmtp:97 apt=96\r\n");
        }
        if (direction.startsWith("send")) {
            section.append("a=ssrc:").append(audio ? "1001" : "2001").append(" cname:standin\r\n");
        }
        return section.toString();
    }
}
