package fr.tremplin.testing.layered.rest;

/** A response record in the REST layer. */
public record SomeResponse(String value) {
}
