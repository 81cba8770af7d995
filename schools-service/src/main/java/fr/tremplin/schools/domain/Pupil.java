package fr.tremplin.schools.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A pupil of 3e, a minor: first name, last name, class, school and an optional gender, nothing more. The id
 * is also the {@code sub} of the pupil's token. Names never leave this service except to the pupil's own
 * school staff (never in URLs, logs or events); erasure deletes the row for good.
 */
@Entity
public class Pupil extends PanacheEntityBase {
    @Id
    public UUID id;
    public String uai;
    @Column(name = "class_id")
    public UUID classId;
    @Column(name = "school_year")
    public String schoolYear;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    @Enumerated(EnumType.STRING)
    public Placement placement = Placement.NO_APPLICATION;
    /** Since when the pupil has had no secured internship; null while placed. */
    @Column(name = "without_placement_since")
    public Instant withoutPlacementSince;
    @Column(name = "placement_changed_at")
    public Instant placementChangedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    /** Moves the pupil to a new placement at the given time, keeping "without a placement since" right. */
    public boolean placeAs(Placement next, Instant at) {
        if (next == placement) {
            return false;
        }
        if (next.placed()) {
            withoutPlacementSince = null;
        } else if (placement.placed() || withoutPlacementSince == null) {
            withoutPlacementSince = at;
        }
        placement = next;
        placementChangedAt = at;
        return true;
    }
}
