package fr.tremplin.applications.domain.cohort;

import java.util.Objects;

/** A host's service (direction) and how many groups it can welcome on one day. */
public record ServiceCapacity(String serviceId, int dailyCapacityGroups) {

    public ServiceCapacity {
        Objects.requireNonNull(serviceId, "serviceId");
    }
}
