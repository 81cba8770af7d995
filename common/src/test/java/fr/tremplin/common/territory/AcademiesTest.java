package fr.tremplin.common.territory;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcademiesTest {

    @Test
    void every_department_of_the_country_has_exactly_one_known_academy() {
        List<String> all = new ArrayList<>();
        for (int code = 1; code <= 95; code++) {
            if (code != 20) {
                all.add(String.format("%02d", code));
            }
        }
        all.addAll(List.of("2A", "2B", "971", "972", "973", "974", "976"));
        assertThat(Academies.OF_DEPARTMENT.keySet()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(Academies.OF_DEPARTMENT.keySet()).allMatch(DepartmentCode::isCanonical);
        assertThat(Academies.OF_DEPARTMENT.values()).allMatch(Academies::exists);
        assertThat(Academies.NAMES).hasSize(30);
    }

    @Test
    void corsica_and_overseas_have_their_own_academies() {
        assertThat(Academies.ofDepartment("2A")).contains("corse");
        assertThat(Academies.ofDepartment("2B")).contains("corse");
        assertThat(Academies.ofDepartment("974")).contains("la-reunion");
        assertThat(Academies.ofDepartment("59")).contains("lille");
        assertThat(Academies.ofDepartment("20")).isEmpty();
        assertThat(Academies.ofDepartment(null)).isEmpty();
    }
}
