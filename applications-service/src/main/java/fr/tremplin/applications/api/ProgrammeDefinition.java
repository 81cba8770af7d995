package fr.tremplin.applications.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code programme} block of an offer event of kind PROGRAMME (docs/events/shared/offer.schema.json), as
 * {@code consumers.OfferEventsConsumer} reads it: what applications-service needs to allocate the seats and, later,
 * to form the groups. Exactly one of {@code departments}, {@code bassin}, {@code uais} names the territory.
 */
public record ProgrammeDefinition(List<String> departments, String bassin, List<String> uais,
                                  BigDecimal weightRepPlus, BigDecimal weightRep, BigDecimal weightNone,
                                  boolean minimumOneSeatPerSchool, int groupSize, List<Service> services) {

    /** One service (direction) of the host that welcomes groups, with how many groups a day. */
    public record Service(String id, String name, int dailyCapacityGroups) {
    }
}
