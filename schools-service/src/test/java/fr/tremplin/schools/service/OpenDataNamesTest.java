package fr.tremplin.schools.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The open data's capitals made readable: particles in lower case, Roman numerals in capitals. */
class OpenDataNamesTest {

    @Test
    void capitalsBecomeReadableNames() {
        assertThat(OpenDataNames.titleCase("DUCOS DU HAURON")).isEqualTo("Ducos du Hauron");
        assertThat(OpenDataNames.titleCase("AGEN")).isEqualTo("Agen");
        assertThat(OpenDataNames.titleCase("DE L'ALBARINE")).isEqualTo("De l'Albarine");
        assertThat(OpenDataNames.titleCase("SAINT-RAMBERT-EN-BUGEY")).isEqualTo("Saint-Rambert-en-Bugey");
        assertThat(OpenDataNames.titleCase(" QUARTIER D'ORLEANS ")).isEqualTo("Quartier d'Orleans");
    }

    @Test
    void romanNumeralsStayInCapitals() {
        assertThat(OpenDataNames.titleCase("JEAN XXIII")).isEqualTo("Jean XXIII");
        assertThat(OpenDataNames.titleCase("HENRI IV")).isEqualTo("Henri IV");
        assertThat(OpenDataNames.titleCase("LOUIS XIV")).isEqualTo("Louis XIV");
    }

    @Test
    void theGeolocationFileNamesOnlyGetACapitalFirstLetter() {
        assertThat(OpenDataNames.capitaliseFirst("de l'Albarine")).isEqualTo("De l'Albarine");
        assertThat(OpenDataNames.capitaliseFirst("du Cap")).isEqualTo("Du Cap");
        assertThat(OpenDataNames.capitaliseFirst("Louis Lumière")).isEqualTo("Louis Lumière");
        assertThat(OpenDataNames.capitaliseFirst("  ")).isEmpty();
    }
}
