package fr.tremplin.offers.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A service (direction) of a programme's host that the groups visit, one a day, on days 2 to 4. */
@Embeddable
public class HostService {
    @Column(name = "service_id")
    public String serviceId;
    public String name;
    @Column(name = "daily_capacity_groups")
    public int dailyCapacityGroups;

    public HostService() {
    }

    public HostService(String serviceId, String name, int dailyCapacityGroups) {
        this.serviceId = serviceId;
        this.name = name;
        this.dailyCapacityGroups = dailyCapacityGroups;
    }
}
