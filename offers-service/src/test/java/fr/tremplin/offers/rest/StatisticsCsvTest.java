package fr.tremplin.offers.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 quoting of the statistics CSV, without Quarkus. */
class StatisticsCsvTest {

    @Test
    void aFieldIsQuotedOnlyWhenItHoldsTheSeparatorAQuoteOrALineBreak() {
        assertThat(StatisticsCsv.quoted("Mode", ',')).isEqualTo("Mode");
        assertThat(StatisticsCsv.quoted("Édition, librairie", ',')).isEqualTo("\"Édition, librairie\"");
        assertThat(StatisticsCsv.quoted("Édition, librairie", ';')).isEqualTo("Édition, librairie");
        assertThat(StatisticsCsv.quoted("a;b", ';')).isEqualTo("\"a;b\"");
        assertThat(StatisticsCsv.quoted("le \"vrai\" métier", ',')).isEqualTo("\"le \"\"vrai\"\" métier\"");
        assertThat(StatisticsCsv.quoted("deux\r\nlignes", ',')).isEqualTo("\"deux\r\nlignes\"");
        assertThat(StatisticsCsv.quoted("", ',')).isEqualTo("");
    }
}
