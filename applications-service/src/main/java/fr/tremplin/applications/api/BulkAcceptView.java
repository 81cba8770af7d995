package fr.tremplin.applications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What a bulk accept did: the candidacies now ACCEPTED (each holding a seat), and those refused with why. */
@Schema(name = "BulkAcceptResult", description = "The nominations accepted (each holds a seat) and those refused, with the reason")
public record BulkAcceptView(String week, List<UUID> accepted, List<Refusal> refused) {

    @Schema(name = "BulkAcceptRefusal", description = "A nomination left FORWARDED, and why")
    public record Refusal(UUID applicationId, String reason) {
    }
}
