package fr.tremplin.applications.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The family's one-time signing link, shown once to the school staff member who asked for it (only its hash is
 * kept). Asking again issues a new one and kills the previous one.
 */
public record SigningLinkView(UUID agreementId, String token, String path, Instant expiresAt) {
}
