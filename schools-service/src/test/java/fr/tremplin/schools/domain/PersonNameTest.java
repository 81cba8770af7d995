package fr.tremplin.schools.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a pupil's name may be: letters of any alphabet, spaces, hyphens, apostrophes, dots; 1 to 100 characters. */
class PersonNameTest {

    @Test
    void namesAsSchoolsWriteThemAreKept() {
        assertThat(PersonName.clean("Zoé")).contains("Zoé");
        assertThat(PersonName.clean("Jean-Baptiste")).contains("Jean-Baptiste");
        assertThat(PersonName.clean("N'Diaye")).contains("N'Diaye");
        assertThat(PersonName.clean("O’Connor")).contains("O’Connor");
        assertThat(PersonName.clean("St. Just")).contains("St. Just");
        assertThat(PersonName.clean("Ngọc Ánh")).contains("Ngọc Ánh");
        assertThat(PersonName.clean("Αλέξανδρος")).contains("Αλέξανδρος");
    }

    @Test
    void spacesAreTrimmedAndCollapsedAndAccentsComposed() {
        assertThat(PersonName.clean("  Marie   Claire \t")).contains("Marie Claire");
        assertThat(PersonName.clean("Zoe\u0301")).contains("Zoé");
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(PersonName.clean(null)).isEmpty();
        assertThat(PersonName.clean("   ")).isEmpty();
        assertThat(PersonName.clean("Léa2")).isEmpty();
        assertThat(PersonName.clean("-Léa")).isEmpty();
        assertThat(PersonName.clean("Léa <b>")).isEmpty();
        assertThat(PersonName.clean("Léa\u0000")).isEmpty();
        assertThat(PersonName.clean("a".repeat(PersonName.MAX_LENGTH))).isPresent();
        assertThat(PersonName.clean("a".repeat(PersonName.MAX_LENGTH + 1))).isEmpty();
    }
}
