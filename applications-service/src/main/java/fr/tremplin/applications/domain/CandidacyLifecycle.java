package fr.tremplin.applications.domain;

import fr.tremplin.common.security.Roles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static fr.tremplin.applications.domain.Action.ACCEPT;
import static fr.tremplin.applications.domain.Action.CANCEL;
import static fr.tremplin.applications.domain.Action.COMPLETE;
import static fr.tremplin.applications.domain.Action.CONFIRM;
import static fr.tremplin.applications.domain.Action.EXPIRE;
import static fr.tremplin.applications.domain.Action.FORWARD;
import static fr.tremplin.applications.domain.Action.REDIRECT;
import static fr.tremplin.applications.domain.Action.REJECT;
import static fr.tremplin.applications.domain.Action.SIGN_AGREEMENT;
import static fr.tremplin.applications.domain.Action.SUBMIT;
import static fr.tremplin.applications.domain.ApplicationState.ACCEPTED;
import static fr.tremplin.applications.domain.ApplicationState.AGREEMENT_SIGNED;
import static fr.tremplin.applications.domain.ApplicationState.CANCELLED;
import static fr.tremplin.applications.domain.ApplicationState.COMPLETED;
import static fr.tremplin.applications.domain.ApplicationState.CONFIRMED;
import static fr.tremplin.applications.domain.ApplicationState.EXPIRED;
import static fr.tremplin.applications.domain.ApplicationState.FORWARDED;
import static fr.tremplin.applications.domain.ApplicationState.REDIRECTED;
import static fr.tremplin.applications.domain.ApplicationState.REJECTED;
import static fr.tremplin.applications.domain.ApplicationState.SUBMITTED;

/**
 * THE candidacy lifecycle of docs/ARCHITECTURE.md §4, in one table: from which state, by which action, which roles may move a
 * candidacy to which state. Every transition of the service goes through {@link #decide}; nothing else changes a
 * candidacy's state. What a transition does to seats follows from the states ({@link ApplicationState#seat()},
 * applied by {@code SeatLedger}); who is in scope for a given candidacy is {@code ApplicationAccess}'s business.
 *
 * <pre>
 * from              action          roles                                         to
 * (none)            SUBMIT          pupil, principal, main-teacher                SUBMITTED
 * (none)            SUBMIT          relay (the new candidacy of a REDIRECT only)  SUBMITTED
 * (none)            SUBMIT          ripree (a nomination to a programme only)     SUBMITTED
 * SUBMITTED         FORWARD         relay, system (no relay covers the offer,     FORWARDED
 *                                   or a nomination)
 * SUBMITTED         REDIRECT        relay                                         REDIRECTED (+ a new SUBMITTED one)
 * SUBMITTED         REJECT          relay                                         REJECTED   (reason required)
 * FORWARDED         ACCEPT          host                                          ACCEPTED   (holds a seat)
 * FORWARDED         REJECT          host                                          REJECTED   (reason required)
 * ACCEPTED          CONFIRM         pupil, school staff                           CONFIRMED  (consumes the seat)
 * CONFIRMED         SIGN_AGREEMENT  principal, host, legal representative         AGREEMENT_SIGNED (last of 3 signatures)
 * AGREEMENT_SIGNED  COMPLETE        host, school staff                            COMPLETED  (once the week is over)
 * SUBMITTED, FORWARDED                         CANCEL  pupil, school staff, system        CANCELLED (reason required)
 * ACCEPTED, CONFIRMED, AGREEMENT_SIGNED        CANCEL  pupil, school staff, host, system  CANCELLED (reason required)
 * SUBMITTED, FORWARDED, ACCEPTED               EXPIRE  system                              EXPIRED
 * </pre>
 * School staff: principal, main teacher, RIPREE, teacher. REDIRECTED, COMPLETED, REJECTED, CANCELLED and EXPIRED
 * are final.
 */
public final class CandidacyLifecycle {

    /** The school's staff, as docs/ARCHITECTURE.md §1 names them. */
    public static final Set<String> SCHOOL_STAFF = Set.of(Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER);

    /** One line of the table. */
    public record Rule(ApplicationState from, Action action, Set<String> roles, ApplicationState to,
                       boolean reasonRequired) {
    }

    private static final List<Rule> TABLE = List.of(
            rule(null, SUBMIT, SUBMITTED, false, Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER),
            rule(null, SUBMIT, SUBMITTED, false, Roles.RELAY),
            rule(null, SUBMIT, SUBMITTED, false, Roles.RIPREE),
            rule(SUBMITTED, FORWARD, FORWARDED, false, Roles.RELAY, Actor.SYSTEM_ROLE),
            rule(SUBMITTED, REDIRECT, REDIRECTED, false, Roles.RELAY),
            rule(SUBMITTED, REJECT, REJECTED, true, Roles.RELAY),
            rule(FORWARDED, ACCEPT, ACCEPTED, false, Roles.HOST),
            rule(FORWARDED, REJECT, REJECTED, true, Roles.HOST),
            rule(ACCEPTED, CONFIRM, CONFIRMED, false, with(SCHOOL_STAFF, Roles.PUPIL)),
            rule(CONFIRMED, SIGN_AGREEMENT, AGREEMENT_SIGNED, false, Roles.PRINCIPAL, Roles.HOST,
                    Actor.LEGAL_REPRESENTATIVE_ROLE),
            rule(AGREEMENT_SIGNED, COMPLETE, COMPLETED, false, with(SCHOOL_STAFF, Roles.HOST)),
            rule(SUBMITTED, CANCEL, CANCELLED, true, with(SCHOOL_STAFF, Roles.PUPIL, Actor.SYSTEM_ROLE)),
            rule(FORWARDED, CANCEL, CANCELLED, true, with(SCHOOL_STAFF, Roles.PUPIL, Actor.SYSTEM_ROLE)),
            rule(ACCEPTED, CANCEL, CANCELLED, true, with(SCHOOL_STAFF, Roles.PUPIL, Roles.HOST, Actor.SYSTEM_ROLE)),
            rule(CONFIRMED, CANCEL, CANCELLED, true, with(SCHOOL_STAFF, Roles.PUPIL, Roles.HOST, Actor.SYSTEM_ROLE)),
            rule(AGREEMENT_SIGNED, CANCEL, CANCELLED, true, with(SCHOOL_STAFF, Roles.PUPIL, Roles.HOST, Actor.SYSTEM_ROLE)),
            rule(SUBMITTED, EXPIRE, EXPIRED, false, Actor.SYSTEM_ROLE),
            rule(FORWARDED, EXPIRE, EXPIRED, false, Actor.SYSTEM_ROLE),
            rule(ACCEPTED, EXPIRE, EXPIRED, false, Actor.SYSTEM_ROLE));

    private CandidacyLifecycle() {
    }

    public static List<Rule> table() {
        return TABLE;
    }

    /** The rule that lets {@code role} do {@code action} from {@code from}, if any. */
    public static Optional<Rule> find(ApplicationState from, Action action, String role) {
        return TABLE.stream().filter(r -> r.from() == from && r.action() == action && r.roles().contains(role))
                .findFirst();
    }

    /** Every role that may do this action from some state: a caller with none of them is refused (403). */
    public static Set<String> rolesFor(Action action) {
        Set<String> roles = new LinkedHashSet<>();
        TABLE.stream().filter(r -> r.action() == action).forEach(r -> roles.addAll(r.roles()));
        return roles;
    }

    /** The states from which this action is possible at all (for error messages and documentation). */
    public static List<ApplicationState> statesFor(Action action) {
        List<ApplicationState> states = new ArrayList<>();
        TABLE.stream().filter(r -> r.action() == action && r.from() != null).forEach(r -> {
            if (!states.contains(r.from())) {
                states.add(r.from());
            }
        });
        return states;
    }

    /**
     * The rule for this transition, or {@link IllegalTransitionException} (409, with the current state) when the
     * table has no line for this state, action and role.
     */
    public static Rule decide(ApplicationState from, Action action, String role) {
        return find(from, action, role).orElseThrow(() -> new IllegalTransitionException(from, action, role));
    }

    /** True when no further transition can ever leave this state. */
    public static boolean isFinal(ApplicationState state) {
        return TABLE.stream().noneMatch(r -> r.from() == state);
    }

    private static Rule rule(ApplicationState from, Action action, ApplicationState to, boolean reasonRequired,
                             String... roles) {
        return new Rule(from, action, Set.of(roles), to, reasonRequired);
    }

    private static Rule rule(ApplicationState from, Action action, ApplicationState to, boolean reasonRequired,
                             Collection<String> roles) {
        return new Rule(from, action, Set.copyOf(roles), to, reasonRequired);
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> roles = new LinkedHashSet<>(base);
        roles.addAll(List.of(more));
        return roles;
    }
}
