package fr.tremplin.client.flow;

import fr.tremplin.client.api.SchoolsAdministrationApi;
import fr.tremplin.client.model.SchoolPriority;
import fr.tremplin.client.model.SchoolRequest;
import fr.tremplin.client.platform.RunningPlatform;
import fr.tremplin.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/partners/first-hour.sh, the curl walk-through of docs/PARTNERS.md, run as a partner runs it against the
 * started platform: every status it checks must hold, so the examples of the docs cannot go stale. It makes its
 * tokens with {@code bin/platform token}, signed with this run's test key.
 */
@ExtendWith(RunningPlatform.class)
class FirstHourScriptTest {

    private static final Path ROOT = Path.of(System.getProperty("tremplin.root", "..")).toAbsolutePath().normalize();

    @Test
    void the_first_hour_walk_through_runs_to_a_confirmed_candidacy() throws Exception {
        // the script looks for a REP+ collège of Seine-Saint-Denis, as a partner finds one in the imported open data
        String uai = String.format("093%04d%c", ThreadLocalRandom.current().nextInt(10_000),
                (char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        new SchoolsAdministrationApi(Callers.as(TestTokens.as("admin"))).putAdminSchool(uai, new SchoolRequest()
                .name("Collège Elsa Triolet").city("Saint-Denis").zipcode("93200").department("93")
                .priority(SchoolPriority.REP_PLUS).latitude(48.9362).longitude(2.3574));

        Path output = Path.of("target", "first-hour.log").toAbsolutePath();
        ProcessBuilder run = new ProcessBuilder("bash", ROOT.resolve("docs/partners/first-hour.sh").toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        run.environment().put("TREMPLIN_URL", RunningPlatform.gatewayUrl());
        run.environment().put("TREMPLIN_JWT_PRIVATE_KEY",
                Path.of(URI.create(System.getProperty("smallrye.jwt.sign.key.location"))).toString());
        Process script = run.start();
        boolean ended = script.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            script.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the script ended within 3 minutes:%n%s", printed).isTrue();
        assertThat(script.exitValue()).as(printed).isZero();
        assertThat(printed).contains("the retry with the same key answered the same offer, created once",
                "state CONFIRMED, history: submit → forward → accept → confirm", "first hour done");
    }
}
