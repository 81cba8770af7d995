package fr.tremplin.applications.domain.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A tutor of one of a programme's services (issue 13): an adult agent who receives the groups' visits on days 2–4.
 * Name and contact are kept here and shown to the programme's host and admins; never in an event nor a log. A tutor
 * belongs to the programme and stays from one week's plan to the next, year after year; an inactive one gets no new
 * visit.
 */
@Entity
@Table(name = "programme_tutor")
public class ProgrammeTutor extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "service_id")
    public String serviceId;
    public String name;
    public String email;
    public String phone;
    public boolean active = true;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    public int version;
}
