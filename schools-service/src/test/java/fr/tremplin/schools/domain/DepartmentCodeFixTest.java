package fr.tremplin.schools.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every département this service knows (the 101 seeded by V1__territory.sql) is a département code, as written and
 * as the open data writes it; which is what tremplin-common's {@code DepartmentCode} alone misses for 21 to 29.
 */
class DepartmentCodeFixTest {

    private static final Pattern SEEDED = Pattern.compile("\\('([0-9AB]{2,3})', '(?:[^']|'')+', '[a-z-]+'\\)");

    private static List<String> seeded() throws IOException {
        try (InputStream sql = DepartmentCodeFixTest.class.getResourceAsStream("/db/migration/V1__territory.sql")) {
            Matcher codes = SEEDED.matcher(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            List<String> found = new ArrayList<>();
            while (codes.find()) {
                found.add(codes.group(1));
            }
            return found;
        }
    }

    @Test
    void everySeededDepartementIsCanonical() throws IOException {
        List<String> codes = seeded();
        assertThat(codes).hasSize(101).contains("01", "21", "29", "2A", "2B", "59", "95", "971", "976");
        assertThat(codes).allSatisfy(code -> assertThat(DepartmentCodeFix.normalise(code)).as(code).contains(code));
    }

    @Test
    void theOpenDataSpellingsAreRead() {
        assertThat(DepartmentCodeFix.normalise("1")).contains("01");
        assertThat(DepartmentCodeFix.normalise("02A")).contains("2A");
        assertThat(DepartmentCodeFix.normalise("02b")).contains("2B");
        assertThat(DepartmentCodeFix.normalise("021")).contains("21");
        assertThat(DepartmentCodeFix.normalise(" 29 ")).contains("29");
        assertThat(DepartmentCodeFix.normalise("059")).contains("59");
    }

    @Test
    void whatIsNoDepartementStaysRefused() {
        assertThat(DepartmentCodeFix.normalise(null)).isEmpty();
        assertThat(DepartmentCodeFix.normalise("20")).isEmpty();
        assertThat(DepartmentCodeFix.normalise("020")).isEmpty();
        assertThat(DepartmentCodeFix.normalise("99")).isEmpty();
        assertThat(DepartmentCodeFix.normalise("5x9")).isEmpty();
        assertThat(DepartmentCodeFix.normalise("2C")).isEmpty();
    }

    @Test
    void theUaiEncodesItsDepartement() {
        assertThat(DepartmentCodeFix.ofUai("0590001A")).contains("59");
        assertThat(DepartmentCodeFix.ofUai("0010035H")).contains("01");
        assertThat(DepartmentCodeFix.ofUai("0211234K")).contains("21");
        assertThat(DepartmentCodeFix.ofUai("6200006M")).contains("2A");
        assertThat(DepartmentCodeFix.ofUai("7200012A")).contains("2B");
        assertThat(DepartmentCodeFix.ofUai("9711087E")).contains("971");
        assertThat(DepartmentCodeFix.ofUai("0201234A")).isEmpty();
        assertThat(DepartmentCodeFix.ofUai("12")).isEmpty();
    }
}
