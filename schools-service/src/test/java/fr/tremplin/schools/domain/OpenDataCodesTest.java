package fr.tremplin.schools.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the open data and the class lists write UAIs, académies, priorities and genders, and how they are read. */
class OpenDataCodesTest {

    @Test
    void aUaiIsSevenDigitsAndACapitalLetter() {
        assertThat(Uai.isValid("0590001A")).isTrue();
        assertThat(Uai.isValid("6200006M")).isTrue();
        assertThat(Uai.isValid("0590001a")).isFalse();
        assertThat(Uai.isValid("002007X")).isFalse();
        assertThat(Uai.isValid("04770677F")).isFalse();
        assertThat(Uai.isValid("065 0740B")).isFalse();
        assertThat(Uai.isValid(null)).isFalse();
    }

    @Test
    void anAcademyCodeIsTheSlugOfItsName() {
        assertThat(Academy.codeOf("AIX-MARSEILLE")).isEqualTo("aix-marseille");
        assertThat(Academy.codeOf("La Réunion")).isEqualTo("la-reunion");
        assertThat(Academy.codeOf(" lille ")).isEqualTo("lille");
        assertThat(Academy.codeOf("Clermont-Ferrand")).isEqualTo("clermont-ferrand");
    }

    @Test
    void prioritiesAreReadInTheOpenDataSpellingAndOurs() {
        assertThat(Priority.parse("REP+")).contains(Priority.REP_PLUS);
        assertThat(Priority.parse("rep_plus")).contains(Priority.REP_PLUS);
        assertThat(Priority.parse(" REP ")).contains(Priority.REP);
        assertThat(Priority.parse("")).contains(Priority.NONE);
        assertThat(Priority.parse("AUCUNE")).isEmpty();
        assertThat(Priority.parse(null)).isEmpty();
    }

    @Test
    void gendersAreReadAsClassListsWriteThem() {
        assertThat(Gender.parse("fille")).contains(Gender.F);
        assertThat(Gender.parse("Féminin")).contains(Gender.F);
        assertThat(Gender.parse("garçon")).contains(Gender.M);
        assertThat(Gender.parse("G")).contains(Gender.M);
        assertThat(Gender.parse("x")).contains(Gender.X);
        assertThat(Gender.parse("")).isEmpty();
        assertThat(Gender.parse("?")).isEmpty();
    }

    @Test
    void theSearchKeyIgnoresAccentsAndCase() {
        assertThat(School.searchKey("Collège Évariste-Galois ")).isEqualTo("college evariste-galois");
    }
}
