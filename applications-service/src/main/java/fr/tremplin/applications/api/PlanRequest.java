package fr.tremplin.applications.api;

/**
 * Planning a week: the seed of the search (optional; by default one derived from the programme and the week, so
 * planning the same pupils again gives the same plan).
 */
public record PlanRequest(Long seed) {
}
