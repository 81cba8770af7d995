package fr.tremplin.applications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One webhook delivery of a relay's feed message (never its body). */
@Schema(name = "WebhookDeliveryView")
public record DeliveryView(
        @Schema(description = "the delivery id, sent as webhook-id; also the feed message's ce_id") UUID id,
        UUID applicationId,
        @Schema(description = "the feed message's type, e.g. relay.candidacy.changed") String type,
        @Schema(enumeration = {"PENDING", "DELIVERED", "PARKED"}) String state,
        int attempts,
        @Schema(description = "when it is tried next (PENDING)") Instant nextAttemptAt,
        @Schema(description = "the HTTP status of the last attempt, if an answer came", nullable = true)
        Integer lastStatus,
        @Schema(description = "why the last attempt failed (status, timeout, connection), never the answer's body",
                nullable = true) String lastError,
        Instant createdAt,
        @Schema(nullable = true) Instant deliveredAt,
        @Schema(nullable = true) Instant parkedAt) {
}
