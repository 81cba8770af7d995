package fr.tremplin.applications.domain.cohort;

import java.util.Objects;

/**
 * One nominated pupil of a programme's week, as the solver sees them: the candidacy (never a name), the school of
 * origin and the gender ({@link Gender#UNKNOWN} when the school gave none; null is read as unknown).
 */
public record CohortPupil(String candidacyId, String schoolUai, Gender gender) {

    public CohortPupil {
        Objects.requireNonNull(candidacyId, "candidacyId");
        Objects.requireNonNull(schoolUai, "schoolUai");
        gender = gender == null ? Gender.UNKNOWN : gender;
    }
}
