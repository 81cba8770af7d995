package fr.tremplin.applications.domain.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything the agreement's document shows, read from the agreement and the school's copy: nothing else goes into
 * the PDF, so the same content always gives the same bytes ({@link ConventionPdf}). A missing value is null and is
 * printed "à compléter".
 */
public record Convention(UUID agreementId, Instant createdAt, School school, Host host, Pupil pupil, Week week,
                         Signatures signatures) {

    /** The school: its name and city as schools-service publishes them, its UAI. */
    public record School(String uai, String name, String city) {
    }

    /** The host organisation, where it receives the pupil, the offer's title and the tutor. */
    public record Host(String organisationName, String city, String offerTitle, String tutorName,
                       String tutorFunction) {
    }

    /** The pupil and their legal representative, as the school's staff gave them. */
    public record Pupil(String name, String legalRepresentativeName) {
    }

    /** The week (ISO), its Monday and Friday, the hours of each day of presence, the activities. */
    public record Week(String isoWeek, LocalDate monday, LocalDate friday, List<DailyHours> dailyHours,
                       String activities) {
    }

    /** The three signatures; each null until given. */
    public record Signatures(Signature principal, Signature host, Signature legalRepresentative) {
    }

    /** A party's signature: when, under which name, on the document of which SHA-256; null when not signed. */
    public record Signature(Instant at, String name, String documentSha256) {
    }
}
