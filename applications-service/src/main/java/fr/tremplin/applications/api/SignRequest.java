package fr.tremplin.applications.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a signer may say with their signature (both optional): the name they sign under, printed in the document's
 * signatures block, and the SHA-256 of the document they read, refused with 409 when the document has changed since.
 */
public record SignRequest(
        @Schema(description = "The name the signer signs under, as the document will print it", example = "Jeanne Dupré")
        @Size(max = 200) @Pattern(regexp = "[^\\r\\n\\t]*\\S[^\\r\\n\\t]*", message = "must be one line, not blank")
        String signerName,
        @Schema(description = "The SHA-256 (hex) of the document the signer read (documentSha256 of the agreement)",
                example = "3f0a5c1e9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a")
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in lower-case hex (64 characters)") String documentSha256) {
}
