package fr.tremplin.applications.api;

import java.time.Instant;
import java.util.List;

public record RelayView(String id, String name, List<String> departments, Instant createdAt, Instant updatedAt) {
}
