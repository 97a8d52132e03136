package dev.ciamkit.ekyc.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NamesTest {

    @Nested
    class Split {
        @ParameterizedTest(name = "{0} -> {1} / {2}")
        @CsvSource({"홍길동, 홍, 길동", "김영희, 김, 영희", "이철, 이, 철", "김수한무거북이, 김, 수한무거북이"})
        void a_korean_name_takes_its_first_syllable_as_family_name(String name, String family, String given) {
            assertThat(Names.split(name)).isEqualTo(new Names(family, given));
        }

        @ParameterizedTest(name = "{0} -> {1} / {2}")
        @CsvSource({"남궁민수, 남궁, 민수", "황보영희, 황보, 영희", "제갈공명, 제갈, 공명", "선우용녀, 선우, 용녀"})
        void a_two_syllable_family_name_is_kept_whole(String name, String family, String given) {
            assertThat(Names.split(name)).isEqualTo(new Names(family, given));
        }

        @Test
        void three_syllables_starting_like_a_two_syllable_family_are_read_as_one_syllable_family() {
            // 황보민 is as likely 황 + 보민 as 황보 + 민: the confirm page lets the user correct it
            assertThat(Names.split("황보민")).isEqualTo(new Names("황", "보민"));
        }

        @Test
        void a_latin_name_splits_at_its_first_space() {
            assertThat(Names.split("HONG GILDONG")).isEqualTo(new Names("HONG", "GILDONG"));
            assertThat(Names.split("PARK MIN SU")).isEqualTo(new Names("PARK", "MIN SU"));
        }

        @Test
        void surrounding_and_repeated_spaces_are_dropped() {
            assertThat(Names.split("  HONG   GILDONG ")).isEqualTo(new Names("HONG", "GILDONG"));
            assertThat(Names.split(" 홍길동\t")).isEqualTo(new Names("홍", "길동"));
        }

        @Test
        void a_one_character_name_is_all_family_name() {
            assertThat(Names.split("김")).isEqualTo(new Names("김", ""));
            assertThat(Names.split("X")).isEqualTo(new Names("X", ""));
        }

        @Test
        void a_two_syllable_family_alone_splits_into_one_and_one() {
            assertThat(Names.split("남궁")).isEqualTo(new Names("남", "궁"));
        }

        @Test
        void an_empty_name_gives_empty_parts() {
            assertThat(Names.split("  ")).isEqualTo(new Names("", ""));
        }
    }

    @Nested
    class Join {
        @Test
        void hangul_joins_without_a_space() {
            assertThat(Names.join("홍", "길동")).isEqualTo("홍길동");
            assertThat(Names.join("남궁", "민수")).isEqualTo("남궁민수");
        }

        @Test
        void kanji_and_kana_join_without_a_space() {
            assertThat(Names.join("山田", "太郎")).isEqualTo("山田太郎");
            assertThat(Names.join("やまだ", "タロウ")).isEqualTo("やまだタロウ");
        }

        @Test
        void latin_joins_with_a_space() {
            assertThat(Names.join("HONG", "GILDONG")).isEqualTo("HONG GILDONG");
        }

        @Test
        void mixed_scripts_join_with_a_space() {
            assertThat(Names.join("홍", "Gildong")).isEqualTo("홍 Gildong");
        }

        @Test
        void the_parts_are_trimmed_and_an_empty_given_name_adds_nothing() {
            assertThat(Names.join(" 홍 ", " 길동 ")).isEqualTo("홍길동");
            assertThat(Names.join("김", " ")).isEqualTo("김");
            assertThat(Names.join("HONG", "")).isEqualTo("HONG");
        }
    }

    @Nested
    class RoundTrip {
        /** The names on the sandbox's test IDs (its TestPersons is package-private, so read it reflectively). */
        static List<String> sandboxNames() throws ReflectiveOperationException {
            Class<?> persons = Class.forName("dev.ciamkit.ekyc.sandbox.TestPersons");
            Field all = persons.getDeclaredField("ALL");
            all.setAccessible(true);
            List<String> names = new ArrayList<>();
            for (Object person : (List<?>) all.get(null)) {
                Method name = person.getClass().getDeclaredMethod("name");
                name.setAccessible(true);
                names.add((String) name.invoke(person));
            }
            assertThat(names).isNotEmpty();
            return names;
        }

        @ParameterizedTest
        @MethodSource("sandboxNames")
        void join_of_split_gives_back_the_sandboxs_test_names(String name) {
            Names split = Names.split(name);

            assertThat(Names.join(split.family(), split.given())).isEqualTo(name);
        }

        @ParameterizedTest
        @CsvSource({"남궁민수", "HONG GILDONG", "김", "PARK MIN SU"})
        void join_of_split_gives_back_other_names(String name) {
            Names split = Names.split(name);

            assertThat(Names.join(split.family(), split.given())).isEqualTo(name);
        }
    }
}
