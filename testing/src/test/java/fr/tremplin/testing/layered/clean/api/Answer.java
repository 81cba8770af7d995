package fr.tremplin.testing.layered.clean.api;

/** A record both layers use, below both. */
public record Answer(String value) {
}
