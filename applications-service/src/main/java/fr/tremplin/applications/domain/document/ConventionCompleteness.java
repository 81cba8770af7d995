package fr.tremplin.applications.domain.document;

import java.util.ArrayList;
import java.util.List;

/**
 * What a convention de stage d'observation de 3e must hold before anyone signs it: the host organisation and the
 * sequence's title (from the offer), the tutor, the pupil and their legal representative, the week's daily hours and
 * the activities. A document missing any of them would be signed with "à compléter" in it, so a signature is refused
 * until none is missing; each gap names who gives it.
 * <p>
 * The school's name is not required: the document always names the school by its UAI, the name comes from
 * schools-service's events (null until the school's next event after V10), and no party to the agreement can give it.
 */
public final class ConventionCompleteness {

    /** One missing part: the field a client shows, and what to do about it. */
    public record Gap(String field, String message) {
    }

    private ConventionCompleteness() {
    }

    /** The parts still missing, in the document's order; empty when the convention may be signed. */
    public static List<Gap> gaps(Convention c) {
        String agreement = "/api/v1/agreements/" + c.agreementId();
        List<Gap> gaps = new ArrayList<>();
        Convention.Host host = c.host();
        if (blank(host.organisationName())) {
            gaps.add(new Gap("organisationName", "the host organisation's name (it comes from the offer)"));
        }
        if (blank(host.tutorName())) {
            gaps.add(new Gap("tutor", "the tutor: the host names them (PUT " + agreement + "/tutor)"));
        }
        if (blank(c.pupil().name())) {
            gaps.add(new Gap("pupilName", "the pupil's name: the school's staff give it (PUT " + agreement + "/family)"));
        }
        if (blank(c.pupil().legalRepresentativeName())) {
            gaps.add(new Gap("legalRepresentativeName", "the legal representative's name: the school's staff give it "
                    + "(PUT " + agreement + "/family), or the family through its signing link "
                    + "(PUT /api/v1/signatures/family-contact)"));
        }
        if (blank(host.offerTitle())) {
            gaps.add(new Gap("offerTitle", "the title of the observation sequence (it comes from the offer)"));
        }
        Convention.Week week = c.week();
        if (week.dailyHours() == null || week.dailyHours().isEmpty()) {
            gaps.add(new Gap("dailyHours", "the week's daily hours: the host gives them (PUT " + agreement + "/schedule)"));
        }
        if (blank(week.activities())) {
            gaps.add(new Gap("activities", "the activities planned: the host gives them (PUT " + agreement + "/schedule)"));
        }
        return List.copyOf(gaps);
    }

    /** The refusal's detail: every missing part, in one sentence. */
    public static String describe(List<Gap> gaps) {
        return "the agreement is incomplete and cannot be signed yet; missing: "
                + String.join("; ", gaps.stream().map(Gap::message).toList());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
