package fr.tremplin.applications.domain.document;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a convention must hold before a signature (pure rule, no Quarkus). */
class ConventionCompletenessTest {

    private static final Convention COMPLETE = ConventionPdfTest.convention(new Convention.Signatures(null, null, null));

    private static List<String> missing(Convention c) {
        return ConventionCompleteness.gaps(c).stream().map(ConventionCompleteness.Gap::field).toList();
    }

    @Test
    void aConventionWithEveryPartMayBeSigned() {
        assertThat(ConventionCompleteness.gaps(COMPLETE)).isEmpty();
    }

    @Test
    void aFreshDraftMissesWhatTheHostAndTheSchoolGive() {
        Convention draft = new Convention(COMPLETE.agreementId(), COMPLETE.createdAt(), COMPLETE.school(),
                new Convention.Host("Atelier du Nord", "Roubaix", "Découverte de l'ébénisterie", null, null),
                new Convention.Pupil(null, null),
                new Convention.Week("2028-W05", COMPLETE.week().monday(), COMPLETE.week().friday(), List.of(), null),
                COMPLETE.signatures());
        assertThat(missing(draft)).containsExactly("tutor", "pupilName", "legalRepresentativeName", "dailyHours",
                "activities");
        assertThat(ConventionCompleteness.describe(ConventionCompleteness.gaps(draft)))
                .startsWith("the agreement is incomplete and cannot be signed yet; missing: the tutor: the host names them "
                        + "(PUT /api/v1/agreements/" + COMPLETE.agreementId() + "/tutor); the pupil's name")
                .contains("the family through its signing link");
    }

    @Test
    void eachPartIsRequiredOnItsOwn() {
        Convention.Host host = COMPLETE.host();
        Convention.Week week = COMPLETE.week();
        assertThat(missing(with(new Convention.Host(host.organisationName(), host.city(), host.offerTitle(), " ",
                host.tutorFunction()), COMPLETE.pupil(), week))).containsExactly("tutor");
        assertThat(missing(with(host, new Convention.Pupil("Léa Français", null), week)))
                .containsExactly("legalRepresentativeName");
        assertThat(missing(with(host, new Convention.Pupil("", "Françoise Œuvray"), week))).containsExactly("pupilName");
        assertThat(missing(with(host, COMPLETE.pupil(), new Convention.Week(week.isoWeek(), week.monday(),
                week.friday(), week.dailyHours(), "  ")))).containsExactly("activities");
        assertThat(missing(with(new Convention.Host(null, host.city(), null, host.tutorName(), host.tutorFunction()),
                COMPLETE.pupil(), week))).containsExactly("organisationName", "offerTitle");
    }

    @Test
    void theSchoolsNameAndTheTutorsFunctionAreNotRequired() {
        Convention.Host host = COMPLETE.host();
        Convention noName = new Convention(COMPLETE.agreementId(), COMPLETE.createdAt(),
                new Convention.School("0590001A", null, null),
                new Convention.Host(host.organisationName(), null, host.offerTitle(), host.tutorName(), null),
                COMPLETE.pupil(), COMPLETE.week(), COMPLETE.signatures());
        assertThat(ConventionCompleteness.gaps(noName)).isEmpty();
    }

    private static Convention with(Convention.Host host, Convention.Pupil pupil, Convention.Week week) {
        return new Convention(COMPLETE.agreementId(), COMPLETE.createdAt(), COMPLETE.school(), host, pupil, week,
                COMPLETE.signatures());
    }
}
