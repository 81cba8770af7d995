package fr.tremplin.applications.domain.notifications;

import java.util.Locale;

/**
 * Each email the platform sends: who receives it, whether it is essential (it cannot be switched off: the recipient
 * must act on it) and its subject in French. The body is the Qute template {@code notifications/<template>.txt}.
 */
public enum NotificationKind {
    /** A candidacy reached the host (from the relay, or at once where no relay covers the offer). */
    CANDIDACY_FORWARDED(PartyKind.HOST, false, "Nouvelle candidature pour « {offerTitle} »"),
    /** The host's daily digest of its forwarded candidacies, instead of one message each. */
    HOST_DIGEST(PartyKind.HOST, false, "Vos nouvelles candidatures"),
    /** The host accepted: the family has until the hold's end to confirm. */
    CANDIDACY_ACCEPTED(PartyKind.FAMILY, true, "Candidature acceptée : à confirmer avant le {holdEnds}"),
    /** 48 hours (or less) before the hold ends, the candidacy still unconfirmed. */
    HOLD_REMINDER(PartyKind.FAMILY, false, "Rappel : confirmez le stage « {offerTitle} » avant le {holdEnds}"),
    /** The agreement awaits the legal representative's signature: a one-time link minted for this message. */
    SIGNING_LINK(PartyKind.FAMILY, true, "Convention de stage à signer : « {offerTitle} »"),
    /** A pupil of the school confirmed a place. */
    PUPIL_CONFIRMED(PartyKind.SCHOOL, false, "Stage confirmé pour un élève : « {offerTitle} »"),
    /** The agreement carries its three signatures. */
    AGREEMENT_COMPLETE(PartyKind.SCHOOL, false, "Convention signée : « {offerTitle} »"),
    /** A candidacy the host had received was cancelled or expired. */
    CANDIDACY_ENDED_HOST(PartyKind.HOST, false, "Candidature {endedAs} : « {offerTitle} »"),
    /** The child's candidacy was cancelled or expired. */
    CANDIDACY_ENDED_FAMILY(PartyKind.FAMILY, false, "Candidature {endedAs} : « {offerTitle} »");

    private final PartyKind party;
    private final boolean essential;
    private final String subject;

    NotificationKind(PartyKind party, boolean essential, String subject) {
        this.party = party;
        this.essential = essential;
        this.subject = subject;
    }

    public PartyKind party() {
        return party;
    }

    public boolean essential() {
        return essential;
    }

    /** The subject as a Qute template (the same data as the body). */
    public String subject() {
        return subject;
    }

    /** {@code candidacy-forwarded}: the body's template is {@code notifications/candidacy-forwarded.txt}. */
    public String template() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
