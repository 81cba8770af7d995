package fr.tremplin.applications.api;

import fr.tremplin.applications.domain.Agreement;
import fr.tremplin.applications.domain.document.DailyHours;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * What the holder of a signing link sees before signing: the internship, the pupil's and their own names as the
 * school gave them, the hours and activities, the SHA-256 of the document they are about to sign; not the people's
 * ids.
 */
public record FamilyAgreementView(Agreement.Status status, String offerTitle, String organisationName, String city,
                                  String week, LocalDate startsOn, LocalDate endsOn, AgreementView.Tutor tutor,
                                  AgreementView.Family family, List<AgreementDay> dailyHours, String activities,
                                  boolean principalSigned, boolean hostSigned, boolean legalRepresentativeSigned,
                                  @Schema(description = "The SHA-256 (hex) of GET /api/v1/signatures/{token}/document "
                                          + "as served now: send it as documentSha256 when signing")
                                  String documentSha256) {

    public static FamilyAgreementView of(Agreement a, String documentSha256) {
        return new FamilyAgreementView(a.status, a.offerTitle, a.organisationName, a.city, a.week, a.startsOn,
                a.endsOn, a.tutorName == null ? null : new AgreementView.Tutor(a.tutorName, a.tutorFunction),
                AgreementView.family(a), DailyHours.decode(a.dailyHours).stream().map(AgreementDay::of).toList(),
                a.activities, a.principalSignedAt != null, a.hostSignedAt != null, a.familySignedAt != null,
                documentSha256);
    }
}
