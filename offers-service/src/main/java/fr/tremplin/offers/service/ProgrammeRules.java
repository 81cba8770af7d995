package fr.tremplin.offers.service;

import fr.tremplin.common.problem.Problem;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.offers.api.OfferRequest;
import fr.tremplin.offers.api.ProgrammeDefinition;
import fr.tremplin.offers.api.ProgrammeRequest;
import fr.tremplin.offers.domain.HostService;
import fr.tremplin.offers.domain.Programme;
import fr.tremplin.offers.domain.ProgrammeDay;
import fr.tremplin.offers.domain.Reservation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a programme's definition must satisfy beyond its shape, every broken rule reported at once (400): the
 * territory names its schools in exactly one way (départements, a bassin or UAIs), the services' ids are unique, the
 * day plan describes days 1 to 5 once each, and a week has at least one group's worth of seats. Then the defaults:
 * weights 1.5 / 1.2 / 1.0, groups of 5, no minimum seat per school. The offer's own rules (sector, ministry, weeks in
 * the school year) stay {@link OfferRules}'.
 */
public final class ProgrammeRules {

    static final int DEFAULT_GROUP_SIZE = 5;
    private static final BigDecimal MAX_WEIGHT = new BigDecimal(100);

    private ProgrammeRules() {
    }

    /** The definition the request describes, defaults applied and lists without repeats; or a 400 naming each fault. */
    public static ProgrammeDefinition definition(ProgrammeRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        ProgrammeDefinition.Territory territory = territory(request.territory(), violations);
        if (request.weights() != null) {
            weight("weights.REP_PLUS", request.weights().repPlus(), violations);
            weight("weights.REP", request.weights().rep(), violations);
            weight("weights.NONE", request.weights().none(), violations);
        }
        int groupSize = request.groupSize() == null ? DEFAULT_GROUP_SIZE : request.groupSize();
        if (request.seatsPerWeek() < groupSize) {
            violations.add(new Problem.Violation("seatsPerWeek", "must be at least the group size (" + groupSize + ")"));
        }
        Map<String, Integer> serviceIds = new HashMap<>();
        for (int i = 0; i < request.services().size(); i++) {
            Integer first = serviceIds.putIfAbsent(request.services().get(i).id(), i);
            if (first != null) {
                violations.add(new Problem.Violation("services[" + i + "].id", "repeats the id of services[" + first + "]"));
            }
        }
        Map<Integer, Integer> days = new HashMap<>();
        for (int i = 0; i < request.dayPlan().size(); i++) {
            Integer first = days.putIfAbsent(request.dayPlan().get(i).day(), i);
            if (first != null) {
                violations.add(new Problem.Violation("dayPlan[" + i + "].day",
                        "repeats the day of dayPlan[" + first + "]: describe days 1 to 5 once each"));
            }
        }
        if (!violations.isEmpty()) {
            String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
            throw new ProblemException(400, "Invalid programme", detail, violations);
        }
        List<ProgrammeDefinition.Service> services = request.services().stream()
                .map(s -> new ProgrammeDefinition.Service(s.id(), s.name().strip(), s.dailyCapacityGroups())).toList();
        List<ProgrammeDefinition.Day> dayPlan = request.dayPlan().stream()
                .sorted(Comparator.comparing(ProgrammeDefinition.Day::day))
                .map(d -> new ProgrammeDefinition.Day(d.day(), d.title().strip(), blankToNull(d.description()))).toList();
        return new ProgrammeDefinition(territory,
                request.weights() == null ? ProgrammeDefinition.Weights.DEFAULT : request.weights(),
                Boolean.TRUE.equals(request.minimumOneSeatPerSchool()), groupSize, services, dayPlan);
    }

    /** The offer the programme is: reserved for nobody (schools nominate), groups of the programme's size. */
    public static OfferRequest asOffer(ProgrammeRequest request, ProgrammeDefinition definition) {
        return new OfferRequest(request.title(), request.description(), request.sectorId(), request.organisationId(),
                null, request.publicSector(), request.ministryCode(), request.address(), request.schoolYear(),
                request.weeks(), request.seatsPerWeek(), definition.groupSize(), Reservation.NONE, null, null,
                request.version());
    }

    /** Writes the definition on the stored programme (its services and days replaced). */
    public static void write(ProgrammeDefinition definition, Programme programme) {
        programme.departments = definition.territory().departments().toArray(String[]::new);
        programme.bassin = definition.territory().bassin();
        programme.uais = definition.territory().uais().toArray(String[]::new);
        programme.weightRepPlus = definition.weights().repPlus();
        programme.weightRep = definition.weights().rep();
        programme.weightNone = definition.weights().none();
        programme.minimumOneSeatPerSchool = definition.minimumOneSeatPerSchool();
        programme.groupSize = definition.groupSize();
        programme.services.clear();
        definition.services().forEach(s -> programme.services.add(new HostService(s.id(), s.name(), s.dailyCapacityGroups())));
        programme.days.clear();
        definition.dayPlan().forEach(d -> programme.days.add(new ProgrammeDay(d.day(), d.title(), d.description())));
    }

    private static ProgrammeDefinition.Territory territory(ProgrammeDefinition.Territory territory,
                                                           List<Problem.Violation> violations) {
        List<String> departments = distinct(territory.departments());
        List<String> uais = distinct(territory.uais());
        int named = (departments.isEmpty() ? 0 : 1) + (territory.bassin() == null ? 0 : 1) + (uais.isEmpty() ? 0 : 1);
        if (named != 1) {
            violations.add(new Problem.Violation("territory",
                    "must name the schools in exactly one way: departments, bassin or uais (" + named + " given)"));
        }
        return new ProgrammeDefinition.Territory(departments, territory.bassin(), uais);
    }

    private static void weight(String field, BigDecimal weight, List<Problem.Violation> violations) {
        if (weight == null) {
            violations.add(new Problem.Violation(field, "is required (or send no weights for the defaults)"));
        } else if (weight.signum() <= 0) {
            violations.add(new Problem.Violation(field, "must be more than 0"));
        } else if (weight.compareTo(MAX_WEIGHT) >= 0) {
            violations.add(new Problem.Violation(field, "must be less than 100"));
        } else if (weight.stripTrailingZeros().scale() > 2) {
            violations.add(new Problem.Violation(field, "must have at most 2 decimals"));
        }
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
