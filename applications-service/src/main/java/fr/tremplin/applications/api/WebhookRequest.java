package fr.tremplin.applications.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A relay's callback URL (https; plain http on a loopback host only where configured). */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
        @NotNull @Schema(description = "the https URL every message of the relay's feed is POSTed to",
                example = "https://relais.example.org/tremplin/webhook", maxLength = 2000) String url) {
}
