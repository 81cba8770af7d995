package fr.tremplin.offers.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Ministry extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
}
