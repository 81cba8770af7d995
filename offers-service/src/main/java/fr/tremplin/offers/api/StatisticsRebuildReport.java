package fr.tremplin.offers.api;

import java.util.Map;

/**
 * What a rebuild of the statistics did: events read per topic (up to the end offsets taken at its start), events
 * that could not be read and were skipped (the live consumers sent them to the dead letters), rows per fact table
 * once done, and how long it took.
 */
public record StatisticsRebuildReport(Map<String, Long> eventsRead, long eventsSkipped, Map<String, Long> rows,
                                      long durationMs) {
}
