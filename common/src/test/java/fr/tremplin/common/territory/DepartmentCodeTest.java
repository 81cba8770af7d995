package fr.tremplin.common.territory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentCodeTest {

    @ParameterizedTest
    @CsvSource({"1,01", "01,01", "19,19", "21,21", "27,27", "29,29", "2A,2A", "02A,2A", "02b,2B", "59,59", "059,59",
            " 93 ,93", "971,971", "976,976"})
    void the_open_data_spellings_become_the_canonical_code(String raw, String canonical) {
        assertThat(DepartmentCode.normalise(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "00", "20", "96", "99", "2C", "970", "975", "977", "978", "9710", "abc"})
    void what_is_no_department_is_refused(String raw) {
        assertThat(DepartmentCode.normalise(raw)).isEmpty();
        assertThat(DepartmentCode.isCanonical(raw)).isFalse();
    }

    @Test
    void the_api_accepts_only_the_canonical_form() {
        assertThat(DepartmentCode.isCanonical("2A")).isTrue();
        assertThat(DepartmentCode.isCanonical("02A")).isFalse();
        assertThat(DepartmentCode.isCanonical("1")).isFalse();
        assertThat("974").matches(DepartmentCode.PATTERN);
        assertThat("20").doesNotMatch(DepartmentCode.PATTERN);
    }

    @ParameterizedTest
    @CsvSource({"0590001A,59", "0010035H,01", "6200001G,2A", "7200009X,2B", "9740001A,974", "9760001B,976"})
    void a_uai_names_its_department(String uai, String department) {
        assertThat(DepartmentCode.ofUai(uai)).contains(department);
    }

    @Test
    void a_uai_that_encodes_no_department_names_none() {
        assertThat(DepartmentCode.ofUai("0200001A")).isEmpty();
        assertThat(DepartmentCode.ofUai("99")).isEmpty();
        assertThat(DepartmentCode.ofUai(null)).isEmpty();
    }
}
