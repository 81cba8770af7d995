package fr.tremplin.schools.domain;

import fr.tremplin.common.territory.Academies;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The territory this service seeds in its database is the one tremplin-common's {@link Academies} states. */
class TerritorySeedTest {

    private static String seed() throws IOException {
        try (InputStream in = TerritorySeedTest.class.getResourceAsStream("/db/migration/V1__territory.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_seeded_departments_belong_to_the_same_academies_as_in_common() throws IOException {
        String seed = seed();
        String departments = seed.substring(seed.indexOf("INSERT INTO department"));
        Map<String, String> seeded = new HashMap<>();
        Matcher row = Pattern.compile("\\('([0-9AB]{2,3})', '(?:[^']|'')*', '([a-z-]+)'\\)").matcher(departments);
        while (row.find()) {
            seeded.put(row.group(1), row.group(2));
        }
        assertThat(seeded).isEqualTo(Academies.OF_DEPARTMENT);
    }

    @Test
    void the_seeded_academies_are_the_same_as_in_common() throws IOException {
        String seed = seed();
        String academies = seed.substring(seed.indexOf("INSERT INTO academy"), seed.indexOf("INSERT INTO department"));
        Map<String, String> seeded = new HashMap<>();
        Matcher row = Pattern.compile("\\('([a-z-]+)', '((?:[^']|'')*)'\\)").matcher(academies);
        while (row.find()) {
            seeded.put(row.group(1), row.group(2).replace("''", "'"));
        }
        assertThat(seeded).isEqualTo(Academies.NAMES);
    }
}
