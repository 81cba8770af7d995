package fr.tremplin.offers.rest;

/** Département codes as the platform writes them: zero-padded, Corsica 2A/2B, overseas 971 to 976. */
final class Departments {
    static final String PATTERN = "^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$";
    static final String MESSAGE = "must be a département code such as 01, 2A, 59 or 974";

    private Departments() {
    }
}
