package fr.tremplin.applications.domain.notifications;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who a notification goes to, by the party it concerns: a host organisation (by its id), a school (by its UAI: the
 * principal's mailbox) or a pupil's family (by the pupil's id; never the pupil, a minor, directly).
 */
public enum PartyKind {
    HOST("hosts"),
    SCHOOL("schools"),
    FAMILY("families");

    private final String segment;

    PartyKind(String segment) {
        this.segment = segment;
    }

    /** The path segment of its contact: {@code /api/v1/notification-contacts/<segment>/<id>}. */
    public String segment() {
        return segment;
    }

    public static Optional<PartyKind> ofSegment(String segment) {
        return Arrays.stream(values()).filter(kind -> kind.segment.equals(segment)).findFirst();
    }
}
