package fr.tremplin.applications.api;

import fr.tremplin.applications.domain.Agreement;

import java.time.LocalDate;

/** What the holder of a signing link sees before signing: the internship, not the people's ids. */
public record FamilyAgreementView(Agreement.Status status, String offerTitle, String organisationName, String city,
                                  String week, LocalDate startsOn, LocalDate endsOn, AgreementView.Tutor tutor,
                                  boolean principalSigned, boolean hostSigned, boolean legalRepresentativeSigned) {

    public static FamilyAgreementView of(Agreement a) {
        return new FamilyAgreementView(a.status, a.offerTitle, a.organisationName, a.city, a.week, a.startsOn,
                a.endsOn, a.tutorName == null ? null : new AgreementView.Tutor(a.tutorName, a.tutorFunction),
                a.principalSignedAt != null, a.hostSignedAt != null, a.familySignedAt != null);
    }
}
