package fr.tremplin.applications.api;

/** The agreement's PDF as served now, and its SHA-256 (hex): what a signature given now is bound to. */
public record AgreementDocument(byte[] pdf, String sha256) {
}
