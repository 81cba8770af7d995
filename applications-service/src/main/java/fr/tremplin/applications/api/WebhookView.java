package fr.tremplin.applications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A relay's webhook; {@code secret} only in the answer that created or rotated it, never again. */
@Schema(name = "WebhookView")
public record WebhookView(
        String relayId,
        String url,
        @Schema(description = "whsec_<base64 key> that signs every delivery (Standard Webhooks); present only in the "
                + "answer that created or rotated it: keep it, it is never shown again", nullable = true)
        String secret,
        Instant createdAt,
        Instant updatedAt) {
}
