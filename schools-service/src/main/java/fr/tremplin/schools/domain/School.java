package fr.tremplin.schools.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A collège, identified by its UAI; what the open data says of it, and what its principal declares. */
@Entity
public class School extends PanacheEntityBase {
    @Id
    public String uai;
    public String name;
    @Column(name = "name_key")
    public String nameKey;
    public String city;
    public String zipcode;
    @Column(name = "department_code")
    public String departmentCode;
    @Column(name = "academy_code")
    public String academyCode;
    @Column(name = "bassin_id")
    public String bassinId;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    public Double latitude;
    public Double longitude;
    /** How many pupils the school has in 3e, as declared (the number of pupils recorded here may be lower). */
    @Column(name = "third_year_pupils")
    public Integer thirdYearPupils;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "school_week", joinColumns = @JoinColumn(name = "uai"))
    @OrderBy("startsOn")
    public List<DeclaredWeek> weeks = new ArrayList<>();

    /** What the open data (or an admin) describes; the bassin, weeks and 3e count are the platform's own. */
    public record Identity(String name, String city, String zipcode, String departmentCode, String academyCode,
                           Priority priority, Double latitude, Double longitude) {
    }

    public Identity identity() {
        return new Identity(name, city, zipcode, departmentCode, academyCode, priority, latitude, longitude);
    }

    /** Applies an identity; true when something changed. */
    public boolean describe(Identity identity) {
        if (Objects.equals(identity(), identity)) {
            return false;
        }
        name = identity.name();
        nameKey = searchKey(identity.name());
        city = identity.city();
        zipcode = identity.zipcode();
        departmentCode = identity.departmentCode();
        academyCode = identity.academyCode();
        priority = identity.priority();
        latitude = identity.latitude();
        longitude = identity.longitude();
        return true;
    }

    public List<String> declaredWeeks(String schoolYear) {
        return weeks.stream().filter(w -> w.schoolYear.equals(schoolYear)).map(w -> w.week).toList();
    }

    /** Lower case without accents: "Collège Évariste-Galois" is found by "evariste". */
    public static String searchKey(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).strip();
    }
}
