package fr.tremplin.schools.api;

import fr.tremplin.common.web.Versioned;
import fr.tremplin.schools.domain.Bassin;

/** A bassin (pôle de stages) as readers see it, with its number of schools. */
public record BassinView(String id, String name, String academy, String department, String coordinatorId,
                         long schools, int version) implements Versioned {
    public static BassinView of(Bassin bassin, long schools) {
        return new BassinView(bassin.id, bassin.name, bassin.academyCode, bassin.departmentCode,
                bassin.coordinatorId, schools, bassin.version);
    }
}
