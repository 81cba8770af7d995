package fr.tremplin.applications;

import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.notifications.NotificationKind;
import fr.tremplin.applications.domain.notifications.NotificationRules;
import fr.tremplin.applications.domain.notifications.NotificationRules.Decision;
import fr.tremplin.applications.domain.notifications.NotificationRules.Facts;
import fr.tremplin.applications.domain.notifications.NotificationRules.Planned;
import fr.tremplin.applications.domain.notifications.NotificationRules.Preferences;
import fr.tremplin.applications.domain.notifications.PartyKind;
import fr.tremplin.applications.domain.notifications.Recipient;
import fr.tremplin.applications.service.SchoolReadModel;
import fr.tremplin.applications.service.Transitions;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is told what, and whether a queued email goes: {@link NotificationRules}, without Quarkus. */
class NotificationRulesTest {

    private static final UUID ORGANISATION = UUID.randomUUID();
    private static final UUID PUPIL = UUID.randomUUID();
    private static final String UAI = "0590001A";
    private static final Recipient HOST = new Recipient(PartyKind.HOST, ORGANISATION.toString());
    private static final Recipient FAMILY = new Recipient(PartyKind.FAMILY, PUPIL.toString());
    private static final Recipient SCHOOL = new Recipient(PartyKind.SCHOOL, UAI);

    private static List<Planned> of(Action action, ApplicationState previous, String actor, String reason) {
        return NotificationRules.PLATFORM.of(new Facts(action, previous, actor, reason, ORGANISATION, PUPIL, UAI));
    }

    @Test
    void eachStepTellsOnlyThePartiesItConcerns() {
        assertThat(of(Action.SUBMIT, null, "pupil", null)).isEmpty();
        assertThat(of(Action.FORWARD, ApplicationState.SUBMITTED, "relay", null))
                .containsExactly(new Planned(NotificationKind.CANDIDACY_FORWARDED, HOST));
        assertThat(of(Action.ACCEPT, ApplicationState.FORWARDED, "host", null))
                .containsExactly(new Planned(NotificationKind.CANDIDACY_ACCEPTED, FAMILY));
        assertThat(of(Action.CONFIRM, ApplicationState.ACCEPTED, "pupil", null)).containsExactlyInAnyOrder(
                new Planned(NotificationKind.PUPIL_CONFIRMED, SCHOOL), new Planned(NotificationKind.SIGNING_LINK, FAMILY));
        assertThat(of(Action.SIGN_AGREEMENT, ApplicationState.CONFIRMED, "host", null))
                .containsExactly(new Planned(NotificationKind.AGREEMENT_COMPLETE, SCHOOL));
        assertThat(of(Action.REJECT, ApplicationState.FORWARDED, "host", "complet")).isEmpty();
        assertThat(of(Action.REDIRECT, ApplicationState.SUBMITTED, "relay", "ailleurs")).isEmpty();
        assertThat(of(Action.COMPLETE, ApplicationState.AGREEMENT_SIGNED, "host", null)).isEmpty();
    }

    @Test
    void anEndTellsTheHostOnlyOnceItHadTheCandidacyAndNotWhenItEndedIt() {
        assertThat(of(Action.EXPIRE, ApplicationState.SUBMITTED, "system", null))
                .containsExactly(new Planned(NotificationKind.CANDIDACY_ENDED_FAMILY, FAMILY));
        assertThat(of(Action.CANCEL, ApplicationState.SUBMITTED, "pupil", "plus intéressé"))
                .containsExactly(new Planned(NotificationKind.CANDIDACY_ENDED_FAMILY, FAMILY));
        for (ApplicationState had : EnumSet.of(ApplicationState.FORWARDED, ApplicationState.ACCEPTED,
                ApplicationState.CONFIRMED, ApplicationState.AGREEMENT_SIGNED)) {
            assertThat(of(Action.CANCEL, had, "principal", "déménagement")).containsExactlyInAnyOrder(
                    new Planned(NotificationKind.CANDIDACY_ENDED_HOST, HOST),
                    new Planned(NotificationKind.CANDIDACY_ENDED_FAMILY, FAMILY));
        }
        assertThat(of(Action.EXPIRE, ApplicationState.ACCEPTED, "system", null)).hasSize(2);
        assertThat(of(Action.CANCEL, ApplicationState.ACCEPTED, "host", "fermeture"))
                .containsExactly(new Planned(NotificationKind.CANDIDACY_ENDED_FAMILY, FAMILY));
    }

    @Test
    void theFamilyIsNotToldOfWhatItsOwnConfirmationOrTheErasureCancelled() {
        assertThat(NotificationRules.PLATFORM.of(new Facts(Action.CANCEL, ApplicationState.FORWARDED, "system",
                Transitions.CONFIRMED_ELSEWHERE, ORGANISATION, PUPIL, UAI)))
                .containsExactly(new Planned(NotificationKind.CANDIDACY_ENDED_HOST, HOST));
        assertThat(NotificationRules.PLATFORM.of(new Facts(Action.CANCEL, ApplicationState.ACCEPTED, "system",
                SchoolReadModel.PUPIL_ERASED, ORGANISATION, PUPIL, UAI)))
                .containsExactly(new Planned(NotificationKind.CANDIDACY_ENDED_HOST, HOST));
        // the same words written by a person are a person's reason: the family is told
        assertThat(of(Action.CANCEL, ApplicationState.SUBMITTED, "principal", Transitions.CONFIRMED_ELSEWHERE))
                .containsExactly(new Planned(NotificationKind.CANDIDACY_ENDED_FAMILY, FAMILY));
    }

    @Test
    void nothingGoesToAPupilNorToAMissingParty() {
        for (Action action : Action.values()) {
            for (Planned planned : of(action, ApplicationState.ACCEPTED, "system", null)) {
                assertThat(planned.recipient().kind()).isIn(PartyKind.HOST, PartyKind.FAMILY, PartyKind.SCHOOL);
                assertThat(planned.recipient().kind()).isEqualTo(planned.kind().party());
            }
        }
        assertThat(NotificationRules.PLATFORM.of(new Facts(Action.FORWARD, ApplicationState.SUBMITTED, "relay", null,
                null, PUPIL, UAI))).isEmpty();
    }

    @Test
    void essentialEmailsCannotBeSwitchedOffAndAHostMayTakeADigest() {
        Preferences all = new Preferences(true, false);
        Preferences essentialOnly = new Preferences(false, false);
        Preferences digest = new Preferences(true, true);
        assertThat(NotificationRules.decide(NotificationKind.SIGNING_LINK, Optional.empty())).isEqualTo(Decision.SKIP_NO_CONTACT);
        assertThat(NotificationRules.decide(NotificationKind.SIGNING_LINK, Optional.of(essentialOnly))).isEqualTo(Decision.SEND);
        assertThat(NotificationRules.decide(NotificationKind.CANDIDACY_ACCEPTED, Optional.of(essentialOnly))).isEqualTo(Decision.SEND);
        assertThat(NotificationRules.decide(NotificationKind.HOLD_REMINDER, Optional.of(essentialOnly)))
                .isEqualTo(Decision.SKIP_SWITCHED_OFF);
        assertThat(NotificationRules.decide(NotificationKind.CANDIDACY_FORWARDED, Optional.of(essentialOnly)))
                .isEqualTo(Decision.SKIP_SWITCHED_OFF);
        assertThat(NotificationRules.decide(NotificationKind.CANDIDACY_FORWARDED, Optional.of(all))).isEqualTo(Decision.SEND);
        assertThat(NotificationRules.decide(NotificationKind.CANDIDACY_FORWARDED, Optional.of(digest))).isEqualTo(Decision.DIGEST);
        assertThat(NotificationRules.decide(NotificationKind.CANDIDACY_ENDED_HOST, Optional.of(digest))).isEqualTo(Decision.SEND);
        assertThat(EnumSet.allOf(NotificationKind.class).stream().filter(NotificationKind::essential))
                .containsExactlyInAnyOrder(NotificationKind.CANDIDACY_ACCEPTED, NotificationKind.SIGNING_LINK);
    }
}
