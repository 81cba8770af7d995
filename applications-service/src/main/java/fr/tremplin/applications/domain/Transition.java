package fr.tremplin.applications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of a candidacy's history: who (an id, never a name), as which role, when, from, to and why. */
@Entity
@Table(name = "application_transition")
public class Transition extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transition_ids")
    @SequenceGenerator(name = "transition_ids", sequenceName = "application_transition_id_seq", allocationSize = 1)
    public Long id;
    @Column(name = "application_id")
    public UUID applicationId;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ApplicationState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ApplicationState toState;
    public String actor;
    @Column(name = "actor_role")
    public String actorRole;
    public String reason;
    public Instant at;
}
