package com.chatforyou.domain.model;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomSlugTest {

    @Test
    void a_name_gives_lowercase_words_joined_by_hyphens() {
        assertThat(RoomSlug.fromName(new RoomName("Team Sync!")).orElseThrow().value()).isEqualTo("team-sync");
        assertThat(RoomSlug.fromName(new RoomName("  Café Crème / Q3  ")).orElseThrow().value()).isEqualTo("cafe-creme-q3");
        assertThat(RoomSlug.fromName(new RoomName("--Standup--")).orElseThrow().value()).isEqualTo("standup");
    }

    @Test
    void a_name_with_no_latin_letter_or_digit_gives_no_slug() {
        assertThat(RoomSlug.fromName(new RoomName("日本語"))).isEmpty();
        assertThat(RoomSlug.fromName(new RoomName("!!!"))).isEmpty();
    }

    @Test
    void the_longest_name_gives_a_slug_that_leaves_room_for_a_number() {
        // A name is normalized (NFKC) before its length is checked: each "ǆ" is already "dž", whose
        // slug letters are "dz", so 24 of them fill the name's 48 characters and the slug's 48.
        String slug = RoomSlug.fromName(new RoomName("ǆ".repeat(24))).orElseThrow().value();
        assertThat(slug).isEqualTo("dz".repeat(24)).hasSize(RoomName.MAX_LENGTH);
        assertThat(refusalOf(() -> new RoomName("ǆ".repeat(24) + " more words"))).isEqualTo(ErrorCode.INVALID_ROOM_NAME);
        assertThat(new RoomSlug(slug).numbered(99).value()).hasSizeLessThanOrEqualTo(RoomSlug.MAX_LENGTH);
    }

    @Test
    void an_unguessable_slug_uses_twelve_characters_of_a_random_id_in_three_groups() {
        assertThat(RoomSlug.unguessable("k3x9qp2mw7ad").value()).isEqualTo("k3x9-qp2m-w7ad");
        assertThat(RoomSlug.unguessable("K3X9QP2MW7ADZZZZ").value()).isEqualTo("k3x9-qp2m-w7ad");
    }

    @Test
    void anything_else_is_not_a_room_link() {
        for (String bad : new String[] {"", "-a", "a-", "a--b", "A", "a/b", "a b", "ü", "a".repeat(65)}) {
            assertThat(refusalOf(() -> new RoomSlug(bad))).as(bad).isEqualTo(ErrorCode.INVALID_ROOM_LINK);
        }
    }
}
