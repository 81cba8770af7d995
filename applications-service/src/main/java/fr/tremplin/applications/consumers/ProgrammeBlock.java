package fr.tremplin.applications.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tremplin.applications.api.ProgrammeDefinition;
import fr.tremplin.common.events.IncomingEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code programme} block of an offer event (docs/events/shared/offer.schema.json, issue 13) into a
 * {@link ProgrammeDefinition}; what this service could not work with (no territory, a weight not above 0 or with more
 * than two decimals, a service without id or capacity) makes the event poison. Missing weights take the defaults
 * 1.5 / 1.2 / 1.0, as offers-service's.
 */
final class ProgrammeBlock {

    private static final BigDecimal REP_PLUS = new BigDecimal("1.5");
    private static final BigDecimal REP = new BigDecimal("1.2");

    private ProgrammeBlock() {
    }

    static ProgrammeDefinition read(IncomingEvent event) {
        JsonNode block = event.data().path("programme");
        if (!block.isObject()) {
            return null;
        }
        JsonNode territory = block.path("territory");
        List<String> departments = texts(territory.path("departments"));
        String bassin = territory.hasNonNull("bassin") ? territory.get("bassin").asText() : null;
        List<String> uais = texts(territory.path("uais"));
        int named = (departments.isEmpty() ? 0 : 1) + (bassin == null ? 0 : 1) + (uais.isEmpty() ? 0 : 1);
        if (named != 1) {
            throw poison(event, "a programme's territory names exactly one of departments, bassin, uais");
        }
        JsonNode weights = block.path("weights");
        List<ProgrammeDefinition.Service> services = new ArrayList<>();
        for (JsonNode service : block.path("services")) {
            String id = service.path("id").asText(null);
            int capacity = service.path("dailyCapacityGroups").asInt(0);
            if (id == null || capacity <= 0) {
                throw poison(event, "a programme's service needs an id and a daily capacity above 0");
            }
            services.add(new ProgrammeDefinition.Service(id, service.path("name").asText(id), capacity));
        }
        int groupSize = block.path("groupSize").asInt(5);
        if (groupSize <= 0) {
            throw poison(event, "a programme's group size is above 0");
        }
        return new ProgrammeDefinition(departments, bassin, uais, weight(event, weights, "REP_PLUS", REP_PLUS),
                weight(event, weights, "REP", REP), weight(event, weights, "NONE", BigDecimal.ONE),
                block.path("minimumOneSeatPerSchool").asBoolean(false), groupSize, List.copyOf(services));
    }

    private static BigDecimal weight(IncomingEvent event, JsonNode weights, String priority, BigDecimal fallback) {
        JsonNode node = weights.path(priority);
        if (!node.isNumber()) {
            return fallback;
        }
        BigDecimal weight = node.decimalValue();
        if (weight.signum() <= 0 || weight.stripTrailingZeros().scale() > 2) {
            throw poison(event, "a programme's weight is above 0 with at most two decimals");
        }
        return weight;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(node -> texts.add(node.asText()));
        }
        return List.copyOf(texts);
    }

    private static IncomingEvent.MalformedEventException poison(IncomingEvent event, String why) {
        return new IncomingEvent.MalformedEventException(event.type() + " event " + event.id() + ": " + why);
    }
}
