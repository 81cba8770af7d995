package fr.tremplin.applications.domain.cohort;

/**
 * The week cannot be planned: {@link #constraint()} names what cannot be met (one of the constants here), the
 * message says it with the figures. The REST layer answers it as a 422 problem naming the constraint.
 */
public class UnplannableCohort extends RuntimeException {

    /** No pupil, the same candidacy twice, or a count that groups of groupSize ± 1 cannot split (7 in groups of 5). */
    public static final String PUPILS = "pupils";
    /** groupSize outside 4..6. */
    public static final String GROUP_SIZE = "groupSize";
    /** Fewer than 3 services, or a service id blank or twice. */
    public static final String SERVICES = "services";
    /** A service welcoming fewer than 1 group a day. */
    public static final String SERVICE_CAPACITY = "dailyCapacityGroups";
    /** The services together welcome fewer groups a day than there are groups. */
    public static final String DAILY_CAPACITY = "dailyCapacity";
    /** The services cannot give every group three distinct visits (a group visits a service at most once). */
    public static final String ROTATION = "rotation";

    private final String constraint;

    public UnplannableCohort(String constraint, String message) {
        super(message);
        this.constraint = constraint;
    }

    public String constraint() {
        return constraint;
    }
}
