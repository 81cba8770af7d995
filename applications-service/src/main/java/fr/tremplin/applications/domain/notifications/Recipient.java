package fr.tremplin.applications.domain.notifications;

/** A party to notify: its kind and its id (organisation id, UAI or pupil id, as text). */
public record Recipient(PartyKind kind, String id) {
}
