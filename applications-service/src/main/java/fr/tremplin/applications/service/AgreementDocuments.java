package fr.tremplin.applications.service;

import fr.tremplin.applications.api.AgreementDocument;
import fr.tremplin.applications.domain.Agreement;
import fr.tremplin.applications.domain.SchoolCopy;
import fr.tremplin.applications.domain.document.Convention;
import fr.tremplin.applications.domain.document.ConventionPdf;
import fr.tremplin.applications.domain.document.DailyHours;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The agreement's document as it stands: the agreement and its school's name and city read into a
 * {@link Convention}, laid out by {@link ConventionPdf}. Rendered on each request, never stored: the same agreement
 * gives the same bytes, so the SHA-256 a signature recorded can be checked against the document served at any time.
 */
@ApplicationScoped
public class AgreementDocuments {

    /** Runs inside the caller's transaction (it reads the school's copy). */
    public AgreementDocument render(Agreement a) {
        byte[] pdf = ConventionPdf.render(convention(a));
        return new AgreementDocument(pdf, ConventionPdf.sha256(pdf));
    }

    static Convention convention(Agreement a) {
        SchoolCopy school = SchoolCopy.findById(a.schoolUai);
        return new Convention(a.id, a.createdAt,
                new Convention.School(a.schoolUai, school == null ? null : school.name, school == null ? null : school.city),
                new Convention.Host(a.organisationName, a.city, a.offerTitle, a.tutorName, a.tutorFunction),
                new Convention.Pupil(a.pupilName, a.legalRepresentativeName),
                new Convention.Week(a.week, a.startsOn, a.endsOn, DailyHours.decode(a.dailyHours), a.activities),
                new Convention.Signatures(
                        signature(a.principalSignedAt, a.principalSignerName, a.principalDocumentSha256),
                        signature(a.hostSignedAt, a.hostSignerName, a.hostDocumentSha256),
                        signature(a.familySignedAt, a.familySignerName == null ? a.legalRepresentativeName
                                : a.familySignerName, a.familyDocumentSha256)));
    }

    private static Convention.Signature signature(Instant at, String name, String documentSha256) {
        return at == null ? null : new Convention.Signature(at, name, documentSha256);
    }
}
