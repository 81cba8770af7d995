package fr.tremplin.applications;

import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.CandidacyLifecycle;
import fr.tremplin.applications.domain.IllegalTransitionException;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.common.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lifecycle table of docs/ARCHITECTURE.md §4 ({@link CandidacyLifecycle}) and the other pure rules of the domain,
 * without Quarkus: for every state, action and role, what the table allows and where it leads. The expected table
 * below is written from the design (and docs/APPLICATIONS.md), not from the code.
 */
class CandidacyLifecycleTest {

    private static final String SYSTEM = Actor.SYSTEM_ROLE;
    private static final String FAMILY = Actor.LEGAL_REPRESENTATIVE_ROLE;
    private static final String[] STAFF = {Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER};
    private static final List<String> EVERY_ROLE = List.of(Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER,
            Roles.RIPREE, Roles.TEACHER, Roles.HOST, Roles.OPERATOR, Roles.RELAY, Roles.MINISTRY, Roles.TERRITORY,
            Roles.ADMIN, SYSTEM, FAMILY);

    /** "from action role" → target state; null from = a new candidacy. */
    private static final Map<String, ApplicationState> EXPECTED = new HashMap<>();

    static {
        allow(null, SUBMIT, SUBMITTED, Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RELAY, Roles.RIPREE);
        allow(SUBMITTED, FORWARD, FORWARDED, Roles.RELAY, SYSTEM);
        allow(SUBMITTED, REDIRECT, REDIRECTED, Roles.RELAY);
        allow(SUBMITTED, REJECT, REJECTED, Roles.RELAY);
        allow(FORWARDED, ACCEPT, ACCEPTED, Roles.HOST);
        allow(FORWARDED, REJECT, REJECTED, Roles.HOST);
        allow(ACCEPTED, CONFIRM, CONFIRMED, with(STAFF, Roles.PUPIL));
        allow(CONFIRMED, SIGN_AGREEMENT, AGREEMENT_SIGNED, Roles.PRINCIPAL, Roles.HOST, FAMILY);
        allow(AGREEMENT_SIGNED, COMPLETE, COMPLETED, with(STAFF, Roles.HOST));
        for (ApplicationState from : List.of(SUBMITTED, FORWARDED)) {
            allow(from, CANCEL, CANCELLED, with(STAFF, Roles.PUPIL, SYSTEM));
        }
        for (ApplicationState from : List.of(ACCEPTED, CONFIRMED, AGREEMENT_SIGNED)) {
            allow(from, CANCEL, CANCELLED, with(STAFF, Roles.PUPIL, Roles.HOST, SYSTEM));
        }
        for (ApplicationState from : List.of(SUBMITTED, FORWARDED, ACCEPTED)) {
            allow(from, EXPIRE, EXPIRED, SYSTEM);
        }
    }

    @Test
    void everyStateActionAndRoleIsAllowedExactlyWhereTheDesignSaysAndLeadsWhereItSays() {
        List<ApplicationState> froms = new ArrayList<>(Arrays.asList(ApplicationState.values()));
        froms.add(null);
        int allowed = 0;
        for (ApplicationState from : froms) {
            for (Action action : Action.values()) {
                for (String role : EVERY_ROLE) {
                    ApplicationState expected = EXPECTED.get(key(from, action, role));
                    Optional<CandidacyLifecycle.Rule> rule = CandidacyLifecycle.find(from, action, role);
                    String what = role + " " + action + " from " + from;
                    if (expected == null) {
                        assertThat(rule).as(what).isEmpty();
                    } else {
                        allowed++;
                        assertThat(rule).as(what).isPresent();
                        assertThat(rule.get().to()).as(what).isEqualTo(expected);
                        assertThat(CandidacyLifecycle.decide(from, action, role).to()).as(what).isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(allowed).isEqualTo(EXPECTED.size());
    }

    @Test
    void theMainPathLeadsFromSubmissionToCompletion() {
        assertThat(CandidacyLifecycle.decide(null, SUBMIT, Roles.PUPIL).to()).isEqualTo(SUBMITTED);
        assertThat(CandidacyLifecycle.decide(SUBMITTED, FORWARD, Roles.RELAY).to()).isEqualTo(FORWARDED);
        assertThat(CandidacyLifecycle.decide(FORWARDED, ACCEPT, Roles.HOST).to()).isEqualTo(ACCEPTED);
        assertThat(CandidacyLifecycle.decide(ACCEPTED, CONFIRM, Roles.PUPIL).to()).isEqualTo(CONFIRMED);
        assertThat(CandidacyLifecycle.decide(CONFIRMED, SIGN_AGREEMENT, FAMILY).to()).isEqualTo(AGREEMENT_SIGNED);
        assertThat(CandidacyLifecycle.decide(AGREEMENT_SIGNED, COMPLETE, Roles.TEACHER).to()).isEqualTo(COMPLETED);
        // where no relay covers the offer, the system forwards it
        assertThat(CandidacyLifecycle.decide(SUBMITTED, FORWARD, SYSTEM).to()).isEqualTo(FORWARDED);
    }

    @Test
    void aRefusalNamesTheCurrentStateTheActionAndWhereItWouldHaveBeenAllowed() {
        // a relay rejects what it triages, not what it forwarded
        assertThatThrownBy(() -> CandidacyLifecycle.decide(FORWARDED, REJECT, Roles.RELAY))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.currentState()).isEqualTo(FORWARDED);
                    assertThat(e.action()).isEqualTo(REJECT);
                    assertThat(e.getMessage()).contains("relay cannot reject", "FORWARDED", "only from SUBMITTED");
                });
        // a host completes from AGREEMENT_SIGNED only, and cancels only once it accepted
        assertThatThrownBy(() -> CandidacyLifecycle.decide(FORWARDED, COMPLETE, Roles.HOST))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("only from AGREEMENT_SIGNED");
        assertThatThrownBy(() -> CandidacyLifecycle.decide(SUBMITTED, CANCEL, Roles.HOST))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(CandidacyLifecycle.find(ACCEPTED, CANCEL, Roles.HOST)).isPresent();
        // a confirmation needs a held seat
        assertThat(CandidacyLifecycle.find(FORWARDED, CONFIRM, Roles.PUPIL)).isEmpty();
    }

    @Test
    void whoTheTableNeverNamesForAnActionIsRefusedWhateverTheState() {
        for (Action action : Action.values()) {
            assertThat(CandidacyLifecycle.rolesFor(action)).as(action.label())
                    .doesNotContain(Roles.ADMIN, Roles.MINISTRY, Roles.TERRITORY, Roles.OPERATOR);
        }
        assertThat(CandidacyLifecycle.rolesFor(ACCEPT)).containsExactly(Roles.HOST);
        assertThat(CandidacyLifecycle.rolesFor(REJECT)).containsExactlyInAnyOrder(Roles.RELAY, Roles.HOST);
        assertThat(CandidacyLifecycle.rolesFor(EXPIRE)).containsExactly(SYSTEM);
        assertThat(CandidacyLifecycle.statesFor(CANCEL))
                .containsExactly(SUBMITTED, FORWARDED, ACCEPTED, CONFIRMED, AGREEMENT_SIGNED);
    }

    @Test
    void reasonsAreRequiredToRejectAndToCancelOnly() {
        for (CandidacyLifecycle.Rule rule : CandidacyLifecycle.table()) {
            assertThat(rule.reasonRequired()).as(rule.toString())
                    .isEqualTo(rule.action() == REJECT || rule.action() == CANCEL);
        }
    }

    @Test
    void finalStatesAllowNothingAtAll() {
        EnumSet<ApplicationState> finals = EnumSet.of(REDIRECTED, COMPLETED, REJECTED, CANCELLED, EXPIRED);
        for (ApplicationState state : ApplicationState.values()) {
            assertThat(CandidacyLifecycle.isFinal(state)).as(state.name()).isEqualTo(finals.contains(state));
        }
        for (ApplicationState state : finals) {
            for (Action action : Action.values()) {
                for (String role : EVERY_ROLE) {
                    assertThat(CandidacyLifecycle.find(state, action, role)).as(role + " " + action + " " + state)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void theStateSetsAgreeWithTheTable() {
        // live = what can still be cancelled; open = what can still expire (waits for an answer or a confirmation)
        assertThat(ApplicationState.LIVE).containsExactlyInAnyOrderElementsOf(CandidacyLifecycle.statesFor(CANCEL));
        assertThat(ApplicationState.OPEN).containsExactlyInAnyOrderElementsOf(CandidacyLifecycle.statesFor(EXPIRE));
        assertThat(ApplicationState.LIVE).containsAll(ApplicationState.OPEN).doesNotContain(COMPLETED);
        assertThat(ApplicationState.PLACED).containsExactlyInAnyOrder(CONFIRMED, AGREEMENT_SIGNED, COMPLETED)
                .doesNotContainAnyElementsOf(ApplicationState.OPEN);
    }

    @Test
    void aHeldSeatIsAcceptedOnlyAndAConsumedOneStaysConsumedToTheEnd() {
        for (ApplicationState state : ApplicationState.values()) {
            ApplicationState.Seat expected = state == ACCEPTED ? ApplicationState.Seat.HELD
                    : ApplicationState.PLACED.contains(state) ? ApplicationState.Seat.CONSUMED
                    : ApplicationState.Seat.NONE;
            assertThat(state.seat()).as(state.name()).isEqualTo(expected);
        }
    }

    @Test
    void anOfferEventOlderThanTheCopyChangesNothing() {
        Instant t = Instant.parse("2027-10-01T08:00:00Z");
        OfferCopy copy = new OfferCopy();
        copy.version = 3;
        copy.asOf = t;
        // the version decides first
        assertThat(copy.isNewerThan(2, t.plusSeconds(60))).isTrue();
        assertThat(copy.isNewerThan(4, t.minusSeconds(60))).isFalse();
        // same version (or none on either side): the time decides
        assertThat(copy.isNewerThan(3, t.minusSeconds(1))).isTrue();
        assertThat(copy.isNewerThan(3, t)).isFalse();
        assertThat(copy.isNewerThan(null, t.minusSeconds(1))).isTrue();
        copy.version = null;
        assertThat(copy.isNewerThan(7, t.plusSeconds(1))).isFalse();
    }

    private static void allow(ApplicationState from, Action action, ApplicationState to, String... roles) {
        for (String role : roles) {
            EXPECTED.put(key(from, action, role), to);
        }
    }

    private static String key(ApplicationState from, Action action, String role) {
        return from + " " + action + " " + role;
    }

    private static String[] with(String[] base, String... more) {
        List<String> roles = new ArrayList<>(List.of(base));
        roles.addAll(List.of(more));
        return roles.toArray(String[]::new);
    }
}
