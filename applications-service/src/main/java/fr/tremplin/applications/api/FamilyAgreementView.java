package fr.tremplin.applications.api;

import fr.tremplin.applications.domain.Agreement;
import fr.tremplin.applications.domain.document.DailyHours;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * What the holder of a signing link sees before signing: the internship, the pupil's and their own names, the hours
 * and activities, the SHA-256 of the document they are about to sign, the family's contact (theirs to correct through
 * the link), the last change that took signatures back; not the people's ids.
 */
public record FamilyAgreementView(Agreement.Status status, String offerTitle, String organisationName, String city,
                                  String week, LocalDate startsOn, LocalDate endsOn, AgreementView.Tutor tutor,
                                  AgreementView.Family family, List<AgreementDay> dailyHours, String activities,
                                  boolean principalSigned, boolean hostSigned, boolean legalRepresentativeSigned,
                                  @Schema(description = "The SHA-256 (hex) of GET /api/v1/signatures/{token}/document "
                                          + "as served now: send it as documentSha256 when signing")
                                  String documentSha256,
                                  @Schema(description = "Where the family's emails go and its preferences, as the "
                                          + "family or the school gave them; null if none was given")
                                  Contact contact,
                                  @Schema(description = "The last change that took back the signatures already given; null if none")
                                  AgreementView.SignaturesReset signaturesReset) {

    @Schema(name = "FamilyAgreementContact", description = "The family's contact and preferences")
    public record Contact(String email, String phone, String language, boolean nonEssential) {
    }

    public static FamilyAgreementView of(Agreement a, String documentSha256, NotificationContactView contact) {
        return new FamilyAgreementView(a.status, a.offerTitle, a.organisationName, a.city, a.week, a.startsOn,
                a.endsOn, a.tutorName == null ? null : new AgreementView.Tutor(a.tutorName, a.tutorFunction),
                AgreementView.family(a), DailyHours.decode(a.dailyHours).stream().map(AgreementDay::of).toList(),
                a.activities, a.principalSignedAt != null, a.hostSignedAt != null, a.familySignedAt != null,
                documentSha256,
                contact == null ? null : new Contact(contact.email(), contact.phone(), contact.language(),
                        contact.nonEssential()),
                a.signaturesResetAt == null ? null
                        : new AgreementView.SignaturesReset(a.signaturesResetAt, a.signaturesResetReason));
    }
}
