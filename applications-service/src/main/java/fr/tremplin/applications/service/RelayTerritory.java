package fr.tremplin.applications.service;

import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.events.RelayFeedEvents;
import fr.tremplin.applications.repository.ApplicationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What re-scoping a relay (admin, {@code PUT /api/v1/relays/{relayId}}) does to the open candidacies (SUBMITTED,
 * FORWARDED, ACCEPTED) of the départements that change hands, in the transaction of the change (issue 12):
 * <ul>
 *   <li>a département leaving the relay takes its open candidacies away from it: the relay's feed says so
 *   ({@code relay.candidacy.left}), and they belong to no relay (a département covered by another relay cannot be
 *   given before the first lets it go: 409). Those it held in triage (SUBMITTED) are first handed back the way the
 *   platform treats a candidacy no relay covers, as a deactivation does: forwarded to the host by {@code system},
 *   reason {@value #RESCOPED};</li>
 *   <li>a département joining the relay gives it the open candidacies of that département that no relay holds (those
 *   let go by another relay, or made while no relay covered it): its feed says so ({@code relay.candidacy.entered}),
 *   and their next events are on its feed.</li>
 * </ul>
 * Their other candidacies (placed, or finished) keep the relay that had them.
 */
@ApplicationScoped
public class RelayTerritory {

    public static final String RESCOPED = "relay territory changed";

    private final ApplicationRepository applications;
    private final Transitions transitions;
    private final RelayFeedEvents feed;
    private final Clock clock;

    public RelayTerritory(ApplicationRepository applications, Transitions transitions, RelayFeedEvents feed,
                          Clock clock) {
        this.applications = applications;
        this.transitions = transitions;
        this.feed = feed;
        this.clock = clock;
    }

    /** Moves the open candidacies of the départements the relay loses or gains; the relay's row is locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescope(String relayId, List<String> before, List<String> after) {
        List<String> lost = new ArrayList<>(before);
        lost.removeAll(after);
        List<String> gained = new ArrayList<>(after);
        gained.removeAll(before);
        if (!lost.isEmpty()) {
            for (Application application : applications.lockOpenOfRelayIn(relayId, lost)) {
                if (application.state == ApplicationState.SUBMITTED) {
                    transitions.apply(application, Action.FORWARD, Actor.SYSTEM, RESCOPED);
                }
                feed.left(application, relayId, clock.instant());
                application.relayId = null;
            }
        }
        if (!gained.isEmpty()) {
            Instant now = clock.instant();
            for (Application application : applications.lockOpenUnroutedIn(gained)) {
                application.relayId = relayId;
                feed.entered(application, now);
            }
        }
    }
}
