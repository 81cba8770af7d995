package fr.tremplin.applications.api;

import java.time.Instant;
import java.util.List;

/** The batch of a relay's queue leased to one agent until {@code leasedUntil}: nobody else triages these meanwhile. */
public record ClaimView(String relayId, String agent, Instant leasedUntil, List<ApplicationSummary> items) {
}
