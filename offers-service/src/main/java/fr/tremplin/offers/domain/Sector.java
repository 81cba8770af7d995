package fr.tremplin.offers.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Sector extends PanacheEntityBase {
    /** The identifier operators already use; opaque (one of them is not a valid UUID). */
    @Id
    public String id;
    public String name;
}
