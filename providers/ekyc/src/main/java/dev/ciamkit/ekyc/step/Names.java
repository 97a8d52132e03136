package dev.ciamkit.ekyc.step;

import java.util.Set;

/**
 * Splits the one name an ID shows into family and given name for the user to confirm: Korean names put the family name
 * first, most of one syllable, a few of two; a name with spaces (a passport's Latin line) takes its first word. The
 * user corrects what this gets wrong on the confirm page.
 */
record Names(String family, String given) {

    private static final Set<String> TWO_SYLLABLE_FAMILIES =
            Set.of("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "어금", "망절", "소봉");

    static Names split(String name) {
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        if (space > 0) {
            return new Names(
                    trimmed.substring(0, space), trimmed.substring(space + 1).strip());
        }
        int cut = trimmed.length() >= 4 && TWO_SYLLABLE_FAMILIES.contains(trimmed.substring(0, 2)) ? 2 : 1;
        if (trimmed.length() <= cut) {
            return new Names(trimmed, "");
        }
        return new Names(trimmed.substring(0, cut), trimmed.substring(cut));
    }

    /** The name as the ID shows it: Hangul, Kanji and Kana without a space, others with one. */
    static String join(String family, String given) {
        String f = family.strip();
        String g = given.strip();
        if (g.isEmpty()) {
            return f;
        }
        boolean cjk = (f + g).codePoints().allMatch(Names::cjk);
        return cjk ? f + g : f + " " + g;
    }

    private static boolean cjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
