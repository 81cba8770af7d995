package fr.tremplin.common.web;

import fr.tremplin.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4180 writing and the separator rule of every CSV answer, without Quarkus. */
class CsvAnswersTest {

    @Test
    void aFieldIsQuotedOnlyWhenItHoldsTheSeparatorAQuoteOrALineBreak() {
        assertThat(CsvAnswers.quoted("Mode", ',')).isEqualTo("Mode");
        assertThat(CsvAnswers.quoted("Édition, librairie", ',')).isEqualTo("\"Édition, librairie\"");
        assertThat(CsvAnswers.quoted("Édition, librairie", ';')).isEqualTo("Édition, librairie");
        assertThat(CsvAnswers.quoted("a;b", ';')).isEqualTo("\"a;b\"");
        assertThat(CsvAnswers.quoted("le \"vrai\" métier", ',')).isEqualTo("\"le \"\"vrai\"\" métier\"");
        assertThat(CsvAnswers.quoted("deux\r\nlignes", ',')).isEqualTo("\"deux\r\nlignes\"");
        assertThat(CsvAnswers.quoted("", ',')).isEqualTo("");
    }

    @Test
    void aRowEndsWithCrlfAndANullIsAnEmptyField() {
        StringBuilder csv = new StringBuilder();
        CsvAnswers.line(csv, Arrays.asList("school", null, "Lyon; Rhône", "3"), ';');
        assertThat(csv).hasToString("school;;\"Lyon; Rhône\";3\r\n");
    }

    @Test
    void theSeparatorIsACommaByDefaultOrASemicolonAndNothingElse() {
        assertThat(CsvAnswers.separator(null)).isEqualTo(',');
        assertThat(CsvAnswers.separator(" ")).isEqualTo(',');
        assertThat(CsvAnswers.separator(",")).isEqualTo(',');
        assertThat(CsvAnswers.separator(";")).isEqualTo(';');
        assertThatThrownBy(() -> CsvAnswers.separator("|")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.toProblem().violations()).singleElement()
                        .satisfies(violation -> assertThat(violation.field()).isEqualTo("separator")));
    }
}
