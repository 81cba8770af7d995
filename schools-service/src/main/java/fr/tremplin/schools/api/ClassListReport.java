package fr.tremplin.schools.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What a class list upload did, line by line (line numbers of the file; never a name). */
public record ClassListReport(UUID classId, int created, int duplicates, int rejected, List<LineOutcome> lines) {

    @Schema(name = "ClassListOutcome")
    public enum Outcome { CREATED, DUPLICATE, REJECTED }

    /** {@code pupilId}: the pupil created, or the one already there for a duplicate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ClassListLine")
    public record LineOutcome(int line, Outcome outcome, UUID pupilId, String reason) {
    }
}
