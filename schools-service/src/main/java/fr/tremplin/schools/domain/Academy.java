package fr.tremplin.schools.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.text.Normalizer;
import java.util.Locale;

/** An académie, seeded by the migrations: {@code code} is the slug tokens and filters use ({@code lille}). */
@Entity
public class Academy extends PanacheEntityBase {
    @Id
    public String code;
    public String name;

    /** The code of an académie from its name or code as anybody writes it: "AIX-MARSEILLE", "La Réunion". */
    public static String codeOf(String nameOrCode) {
        String plain = Normalizer.normalize(nameOrCode.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
