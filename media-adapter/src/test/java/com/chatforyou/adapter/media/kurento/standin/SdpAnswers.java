package com.chatforyou.adapter.media.kurento.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the answer a media server would give to an offer: one m-section per offered m-section, same
 * mid and codecs, the mirrored direction, fresh ICE credentials and a DTLS fingerprint. It is
 * syntactically valid SDP that a browser accepts; no media ever flows to the candidates it implies.
 */
public final class SdpAnswers {

    private SdpAnswers() {
    }

    /** The m-sections of an SDP: media kind, mid and direction, in order. */
    public record Section(String media, String mid, String direction) {
    }

    public static String answer(String offer) {
        List<List<String>> sections = sections(offer);
        List<String> sessionLines = sections.get(0);
        StringBuilder sdp = new StringBuilder();
        long sessionVersion = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        line(sdp, "v=0");
        line(sdp, "o=- " + sessionVersion + " 2 IN IP4 127.0.0.1");
        line(sdp, "s=Kurento stand-in (no media)");
        line(sdp, "t=0 0");
        sessionLines.stream().filter(l -> l.startsWith("a=group:")).forEach(l -> line(sdp, l));
        line(sdp, "a=msid-semantic: WMS");
        String ufrag = randomToken(8);
        String pwd = randomToken(24);
        String fingerprint = fingerprint();
        for (List<String> section : sections.subList(1, sections.size())) {
            String mLine = section.get(0);
            String[] parts = mLine.substring(2).split(" ");
            boolean rejected = "0".equals(parts[1]);
            StringBuilder m = new StringBuilder("m=").append(parts[0]).append(' ').append(rejected ? "0" : "9");
            for (int i = 2; i < parts.length; i++) {
                m.append(' ').append(parts[i]);
            }
            line(sdp, m.toString());
            line(sdp, "c=IN IP4 0.0.0.0");
            if (!rejected) {
                line(sdp, "a=rtcp:9 IN IP4 0.0.0.0");
                line(sdp, "a=ice-ufrag:" + ufrag);
                line(sdp, "a=ice-pwd:" + pwd);
                line(sdp, "a=fingerprint:sha-256 " + fingerprint);
                line(sdp, "a=setup:active");
            }
            for (String attribute : section.subList(1, section.size())) {
                if (attribute.startsWith("a=mid:") || attribute.startsWith("a=rtpmap:")
                        || attribute.startsWith("a=fmtp:") || attribute.startsWith("a=rtcp-fb:")
                        || attribute.equals("a=rtcp-mux") || attribute.startsWith("a=sctp-port:")
                        || attribute.startsWith("a=extmap:")) {
                    line(sdp, attribute);
                }
            }
            if (!parts[0].equals("application")) {
                line(sdp, "a=" + mirrored(directionOf(section)));
            }
        }
        return sdp.toString();
    }

    /** The m-sections of an SDP, for checking an answer against its offer. */
    public static List<Section> describe(String sdp) {
        List<Section> result = new ArrayList<>();
        List<List<String>> sections = sections(sdp);
        for (List<String> section : sections.subList(1, sections.size())) {
            String media = section.get(0).substring(2).split(" ")[0];
            String mid = section.stream().filter(l -> l.startsWith("a=mid:")).map(l -> l.substring(6))
                    .findFirst().orElse(null);
            result.add(new Section(media, mid, directionOf(section)));
        }
        return result;
    }

    /** The mids of an SDP's m-sections, in order. */
    public static List<String> mids(String sdp) {
        return describe(sdp).stream().map(Section::mid).toList();
    }

    static String mirrored(String direction) {
        return switch (direction) {
            case "sendonly" -> "recvonly";
            case "recvonly" -> "sendonly";
            case "inactive" -> "inactive";
            default -> "sendrecv";
        };
    }

    private static String directionOf(List<String> section) {
        for (String attribute : section) {
            switch (attribute) {
                case "a=sendrecv", "a=sendonly", "a=recvonly", "a=inactive" -> {
                    return attribute.substring(2);
                }
                default -> {
                }
            }
        }
        return "sendrecv";
    }

    /** Element 0 holds the session-level lines; each further element one m-section, m= line first. */
    private static List<List<String>> sections(String sdp) {
        List<List<String>> sections = new ArrayList<>();
        sections.add(new ArrayList<>());
        for (String raw : sdp.split("\r?\n")) {
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.startsWith("m=")) {
                sections.add(new ArrayList<>());
            }
            sections.get(sections.size() - 1).add(raw);
        }
        return sections;
    }

    private static String randomToken(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private static String fingerprint() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            if (i > 0) {
                hex.append(':');
            }
            hex.append(String.format("%02X", ThreadLocalRandom.current().nextInt(256)));
        }
        return hex.toString();
    }

    private static void line(StringBuilder sdp, String line) {
        sdp.append(line).append("\r\n");
    }
}
