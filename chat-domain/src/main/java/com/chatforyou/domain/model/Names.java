package com.chatforyou.domain.model;

import java.text.Normalizer;

/**
 * The one written form of a display or room name, so that names that look the same are the same text:
 * NFKC, without default-ignorable code points (zero-width spaces and joiners, soft hyphens, variation
 * selectors, bidi controls, ...), every run of white space as one space, trimmed. What is left is
 * then checked like any user text.
 */
public final class Names {

    /**
     * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15/16), which includes
     * the bidi controls (U+061C, U+200E/F, U+202A..E, U+2066..9). Kept here so the domain needs the JDK
     * only; a test in the names adapter checks the list against ICU's set.
     */
    private static final int[][] DEFAULT_IGNORABLE = {
            {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
            {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
            {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
            {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};

    private Names() {
    }

    /** The normalized form of a name as typed; null stays null (refused by the caller's checks). */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        // Ignorables first, so they cannot block a composition; NFKC can produce none of them.
        String composed = Normalizer.normalize(withoutIgnorables(raw), Normalizer.Form.NFKC);
        return collapseWhiteSpace(withoutIgnorables(composed));
    }

    public static boolean isDefaultIgnorable(int codePoint) {
        for (int[] range : DEFAULT_IGNORABLE) {
            if (codePoint >= range[0] && codePoint <= range[1]) {
                return true;
            }
        }
        return false;
    }

    private static String withoutIgnorables(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(codePoint -> !isDefaultIgnorable(codePoint)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Line breaks and tabs count as white space here: a name is one line. */
    private static String collapseWhiteSpace(String text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                pendingSpace = collapsed.length() > 0;
                continue;
            }
            if (pendingSpace) {
                collapsed.append(' ');
                pendingSpace = false;
            }
            collapsed.appendCodePoint(codePoint);
        }
        return collapsed.toString();
    }
}
