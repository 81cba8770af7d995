package fr.tremplin.applications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * A regional relay (FACE or another association); the départements it covers are in {@code relay_department}. A
 * deactivated relay keeps them (reactivation restores its territory) but is routed no candidacy and cannot act.
 */
@Entity
public class Relay extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    public boolean active = true;
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
