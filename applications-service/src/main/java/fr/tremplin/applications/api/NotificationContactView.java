package fr.tremplin.applications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A party's contact as stored. */
@Schema(description = "A party's email address and preferences")
public record NotificationContactView(
        @Schema(description = "HOST, SCHOOL or FAMILY") String party,
        @Schema(description = "The organisation id, the school's UAI or the pupil's id") String partyId,
        String email,
        String language,
        boolean nonEssential,
        boolean dailyDigest,
        @Schema(description = "A phone number to reach the party; null if none was given") String phone,
        Instant updatedAt,
        int version) {
}
