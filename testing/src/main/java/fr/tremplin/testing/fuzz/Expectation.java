package fr.tremplin.testing.fuzz;

/** What a malformed request may be answered, beyond the rule for all: no 5xx, no stack trace, 4xx in problem+json. */
public enum Expectation {
    /** Any answer but a 5xx; the value may be legitimately accepted (an unknown query parameter, a long text). */
    ANSWERED,
    /** The value breaks its schema (type, pattern, bounds): anything but a 2xx. */
    NOT_ACCEPTED,
    /** Malformed beyond doubt (a NUL, a duplicate key, a 1.5 for an integer): 400, or 401/403 when refused earlier. */
    MALFORMED,
    /** A bearer token that is present but not valid: 401, on every route, public ones included. */
    UNAUTHENTICATED,
    /** Broken at the HTTP level (a control character in a header, a line over Netty's limit): the HTTP codec may
     * answer before any handler runs, with an empty body; only no 5xx and no stack trace are asked. */
    PROTOCOL
}
