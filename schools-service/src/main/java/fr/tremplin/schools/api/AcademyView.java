package fr.tremplin.schools.api;

import fr.tremplin.schools.domain.Academy;

/** An académie as readers see it (public reference data). */
public record AcademyView(String code, String name) {
    public static AcademyView of(Academy academy) {
        return new AcademyView(academy.code, academy.name);
    }
}
