package com.chatforyou.domain.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The last part of a room's invite link, {@code /r/<slug>}: lowercase ASCII letters and digits in
 * groups joined by single hyphens. It stays the same for the room's whole life. It comes from the
 * room's name ("Team Sync" → {@code team-sync}), or is unguessable when the creator asks
 * ({@code k3x9-qp2m-w7ad}: twelve characters of the server's random ids, about 62 bits).
 */
public record RoomSlug(String value) {
    public static final int MAX_LENGTH = 64;
    /** A slug from a name is cut at this length, leaving room for a "-2" when the slug is taken. */
    static final int NAME_PART_MAX_LENGTH = 48;
    private static final Pattern FORM = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int UNGUESSABLE_LENGTH = 12;

    public RoomSlug {
        if (value == null || value.length() > MAX_LENGTH || !FORM.matcher(value).matches()) {
            throw new ChatException(ErrorCode.INVALID_ROOM_LINK,
                    "A room link has 1 to " + MAX_LENGTH + " lowercase letters, digits and single hyphens");
        }
    }

    /** The slug a room's name gives, or empty when nothing of it is a letter or digit (e.g. "日本"). */
    public static Optional<RoomSlug> fromName(RoomName name) {
        String plain = MARKS.matcher(Normalizer.normalize(name.value(), Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_SLUG.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        // A guard: names are NFKC-normalized within RoomName.MAX_LENGTH, so their slugs are no longer today.
        if (slug.length() > NAME_PART_MAX_LENGTH) {
            slug = trimHyphens(slug.substring(0, NAME_PART_MAX_LENGTH));
        }
        return slug.isEmpty() ? Optional.empty() : Optional.of(new RoomSlug(slug));
    }

    /** An unguessable slug from a random id of the server's (see IdGenerator): xxxx-xxxx-xxxx. */
    public static RoomSlug unguessable(String randomId) {
        String chars = NOT_SLUG.matcher(randomId.toLowerCase(Locale.ROOT)).replaceAll("");
        if (chars.isEmpty()) {
            throw new IllegalArgumentException("a random id with letters or digits is needed");
        }
        chars = chars.length() > UNGUESSABLE_LENGTH ? chars.substring(0, UNGUESSABLE_LENGTH) : chars;
        StringBuilder slug = new StringBuilder();
        for (int i = 0; i < chars.length(); i += 4) {
            if (i > 0) {
                slug.append('-');
            }
            slug.append(chars, i, Math.min(chars.length(), i + 4));
        }
        return new RoomSlug(slug.toString());
    }

    /** The same slug with a number after it, for a second room whose name gives the same slug. */
    public RoomSlug numbered(int n) {
        return new RoomSlug(value + "-" + n);
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    @Override
    public String toString() {
        return value;
    }
}
