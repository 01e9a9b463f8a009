package com.chatforyou.adapter.names;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.DisplayName;
import com.chatforyou.domain.model.Names;
import com.chatforyou.domain.model.RoomName;
import com.ibm.icu.text.UnicodeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IcuNameSkeletonsTest {
    private final IcuNameSkeletons skeletons = new IcuNameSkeletons();

    private boolean sameName(String a, String b) {
        return new DisplayName(a).sameAs(new DisplayName(b), skeletons);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann", "ann", "ANN", "Ann\u200b", "Ann\u00a0", "\u0410nn", "\u0430nn",
            "\u0391\u039d\u039d", "\uff21\uff4e\uff4e", "A\u200dn\u2060n", "\u202eAnn\u202c"})
    void lookalikes_of_ann_are_ann(String lookalike) {
        assertThat(sameName("Ann", lookalike)).as("%s", lookalike.codePoints().mapToObj(Integer::toHexString).toList())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anna", "Bob", "An", "Ann 2", "Änn"})
    void other_names_are_other_names(String other) {
        assertThat(sameName("Ann", other)).isFalse();
    }

    @Test
    void latin_l_and_digit_one_look_alike() {
        assertThat(sameName("Paul", "Pau1")).isTrue();
        assertThat(sameName("Bill", "BiII")).isTrue();
    }

    @Test
    void room_names_use_the_same_skeleton() {
        assertThat(new RoomName("Standup").sameAs(new RoomName("St\u0430nd\u200bup"), skeletons)).isTrue();
    }

    /** The domain keeps its own copy of Default_Ignorable_Code_Point (JDK only); it must be ICU's. */
    @Test
    void the_domains_default_ignorables_are_unicodes() {
        UnicodeSet icu = new UnicodeSet("[:Default_Ignorable_Code_Point:]");
        for (int codePoint = 0; codePoint <= 0x10FFFF; codePoint++) {
            assertThat(Names.isDefaultIgnorable(codePoint)).as("U+%04X", codePoint).isEqualTo(icu.contains(codePoint));
        }
    }
}
