package fr.tremplin.applications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One email of the delivery log, as an admin sees it: never its address nor its text. */
@Schema(description = "An email of the delivery log: what, to which party, its state and attempts (never the address)")
public record NotificationView(
        UUID id,
        @Schema(description = "The event that caused it (the outbox event's id, or the timer's)") UUID eventId,
        @Schema(description = "CANDIDACY_FORWARDED, HOST_DIGEST, CANDIDACY_ACCEPTED, HOLD_REMINDER, SIGNING_LINK, "
                + "PUPIL_CONFIRMED, AGREEMENT_COMPLETE, CANDIDACY_ENDED_HOST, CANDIDACY_ENDED_FAMILY") String kind,
        @Schema(description = "HOST, SCHOOL or FAMILY") String party,
        @Schema(description = "The organisation id, the school's UAI or the pupil's id") String partyId,
        UUID applicationId,
        @Schema(description = "QUEUED, RETRYING, SENT, FAILED, SKIPPED, DIGEST (waiting for the host's digest), DIGESTED")
        String status,
        int attempts,
        @Schema(description = "Why the last attempt failed (SMTP), without any address") String lastError,
        @Schema(description = "Why it was not sent: no contact, switched off, no longer relevant") String skipReason,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {
}
