package fr.tremplin.applications.api;

import java.time.Instant;
import java.util.List;

/** A relay; {@code deactivatedAt} is set while it is deactivated ({@code active} false). */
public record RelayView(String id, String name, List<String> departments, boolean active, Instant deactivatedAt,
                        Instant createdAt, Instant updatedAt) {
}
