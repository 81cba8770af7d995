package fr.tremplin.common.events;

/** The platform's topics (docs/ARCHITECTURE.md §3); a poison message goes to the topic's {@code .dlq}. */
public final class Topics {
    public static final String OFFERS = "tremplin.offers.v1";
    public static final String SCHOOLS = "tremplin.schools.v1";
    public static final String APPLICATIONS = "tremplin.applications.v1";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
