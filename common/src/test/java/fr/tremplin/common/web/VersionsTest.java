package fr.tremplin.common.web;

import fr.tremplin.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void if_match_reads_strong_and_weak_etags_and_wins_over_the_body() {
        assertThat(Versions.ifMatch("\"3\"")).isEqualTo(3);
        assertThat(Versions.ifMatch("W/\"12\"")).isEqualTo(12);
        assertThat(Versions.ifMatch(" 4 ")).isEqualTo(4);
        assertThat(Versions.ifMatch("\"5.1f2e\"")).isEqualTo(5);
        assertThat(Versions.ifMatch(null)).isNull();
        assertThat(Versions.edited("\"3\"", 7)).isEqualTo(3);
        assertThat(Versions.edited(null, 7)).isEqualTo(7);
        assertThat(Versions.edited("", null)).isNull();
    }

    @Test
    void an_unreadable_if_match_is_a_400_naming_the_header() {
        assertThatThrownBy(() -> Versions.ifMatch("\"abc\""))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem().violations()).extracting("field").containsExactly("If-Match");
                });
    }

    @Test
    void no_version_is_428_a_stale_one_409_the_current_one_passes() {
        assertThatThrownBy(() -> Versions.check("offer", 2, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
        assertThatThrownBy(() -> Versions.check("offer", 2, 1))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("version 1").contains("now 2");
                });
        assertThatCode(() -> Versions.check("offer", 2, 2)).doesNotThrowAnyException();
    }
}
