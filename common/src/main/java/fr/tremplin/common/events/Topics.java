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

    /**
     * The feed only this relay may read (issue 12): what its REST queue shows, in each candidacy's order. A relay id
     * matches {@code TerritoryId.PATTERN}, whose characters are all legal in a topic name.
     */
    public static String relayFeed(String relayId) {
        return "tremplin.relay." + relayId + ".v1";
    }
}
