package fr.tremplin.offers.service;

import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.offers.api.AddressRequest;
import fr.tremplin.offers.api.ProgrammeDefinition;
import fr.tremplin.offers.api.ProgrammeDefinition.Day;
import fr.tremplin.offers.api.ProgrammeDefinition.Service;
import fr.tremplin.offers.api.ProgrammeDefinition.Territory;
import fr.tremplin.offers.api.ProgrammeDefinition.Weights;
import fr.tremplin.offers.api.ProgrammeRequest;
import fr.tremplin.offers.domain.Programme;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProgrammeRulesTest {

    private static final List<Service> SERVICES = List.of(new Service("sports", " Sports ", 2),
            new Service("culture", "Culture", 1), new Service("voirie", "Voirie", 3));
    private static final List<Day> DAYS = List.of(new Day(5, "Restitution", "  "), new Day(1, "Conseil", "Séance"),
            new Day(3, "Service", null), new Day(2, "Service", null), new Day(4, "Service", null));

    private static ProgrammeRequest request(Territory territory, Weights weights, Integer groupSize, int seats,
                                            List<Service> services, List<Day> days) {
        return new ProgrammeRequest("Pass'3e", "Une semaine", "mode", null, false, null,
                new AddressRequest(null, "63000", "Clermont-Ferrand", "63", null, 45.77, 3.08), "2027-2028",
                List.of("2028-W05"), seats, territory, weights, null, groupSize, services, days, null);
    }

    private static ProblemException refused(ProgrammeRequest request) {
        return catchThrowableOfType(ProblemException.class, () -> ProgrammeRules.definition(request));
    }

    private static List<String> fields(ProblemException e) {
        return e.toProblem().violations().stream().map(v -> v.field()).toList();
    }

    @Test
    void theDefaultsAndTheOrderOfTheDays() {
        ProgrammeDefinition definition = ProgrammeRules.definition(request(
                new Territory(List.of("63", "03", "63"), null, null), null, null, 25, SERVICES, DAYS));
        assertThat(definition.territory().departments()).containsExactly("63", "03");
        assertThat(definition.territory().uais()).isEmpty();
        assertThat(definition.weights()).isEqualTo(Weights.DEFAULT);
        assertThat(definition.groupSize()).isEqualTo(5);
        assertThat(definition.minimumOneSeatPerSchool()).isFalse();
        assertThat(definition.services().get(0).name()).isEqualTo("Sports");
        assertThat(definition.dayPlan()).extracting(Day::day).containsExactly(1, 2, 3, 4, 5);
        assertThat(definition.dayPlan().get(4).description()).isNull();
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        ProblemException e = refused(request(new Territory(List.of("63"), "clermont", List.of()),
                new Weights(BigDecimal.ZERO, new BigDecimal("1.234"), null), 6, 5,
                List.of(SERVICES.get(0), SERVICES.get(1), SERVICES.get(0)),
                List.of(DAYS.get(0), DAYS.get(1), DAYS.get(2), DAYS.get(3), DAYS.get(3))));
        assertThat(e.status()).isEqualTo(400);
        assertThat(fields(e)).containsExactly("territory", "weights.REP_PLUS", "weights.REP", "weights.NONE",
                "seatsPerWeek", "services[2].id", "dayPlan[4].day");
    }

    @Test
    void aWeightOfTwoDecimalsWrittenWithTrailingZerosIsFine() {
        ProgrammeDefinition definition = ProgrammeRules.definition(request(new Territory(null, null, List.of("0630001A")),
                new Weights(new BigDecimal("1.500"), new BigDecimal("99.99"), new BigDecimal("0.01")), 4, 4, SERVICES, DAYS));
        assertThat(definition.groupSize()).isEqualTo(4);
        assertThat(refused(request(new Territory(null, null, List.of("0630001A")),
                new Weights(new BigDecimal("100"), BigDecimal.ONE, BigDecimal.ONE), 4, 4, SERVICES, DAYS)))
                .satisfies(e -> assertThat(fields(e)).containsExactly("weights.REP_PLUS"));
    }

    @Test
    void writtenThenReadBackTheDefinitionShowsTheWeightsAsWritten() {
        ProgrammeDefinition definition = ProgrammeRules.definition(request(new Territory(null, "clermont", null),
                new Weights(new BigDecimal("2"), new BigDecimal("1.20"), new BigDecimal("1")), null, 10, SERVICES, DAYS));
        Programme programme = new Programme();
        ProgrammeRules.write(definition, programme);
        programme.weightRep = programme.weightRep.setScale(2); // as NUMERIC(4, 2) gives it back
        ProgrammeDefinition read = ProgrammeDefinition.of(programme);
        assertThat(read.weights()).isEqualTo(new Weights(new BigDecimal("2.0"), new BigDecimal("1.2"), new BigDecimal("1.0")));
        assertThat(read.territory()).isEqualTo(new Territory(List.of(), "clermont", List.of()));
        assertThat(read.services()).extracting(Service::id).containsExactly("sports", "culture", "voirie");
        assertThat(Arrays.asList(programme.departments)).isEmpty();
    }
}
