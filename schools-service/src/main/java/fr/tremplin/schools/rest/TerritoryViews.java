package fr.tremplin.schools.rest;

import fr.tremplin.schools.domain.Academy;
import fr.tremplin.schools.domain.Bassin;
import fr.tremplin.schools.domain.Department;

/** The territory as readers see it. */
public final class TerritoryViews {

    private TerritoryViews() {
    }

    public record AcademyView(String code, String name) {
        public static AcademyView of(Academy academy) {
            return new AcademyView(academy.code, academy.name);
        }
    }

    public record DepartmentView(String code, String name, String academy) {
        public static DepartmentView of(Department department) {
            return new DepartmentView(department.code, department.name, department.academyCode);
        }
    }

    public record BassinView(String id, String name, String academy, String department, String coordinatorId,
                             long schools, int version) {
        public static BassinView of(Bassin bassin, long schools) {
            return new BassinView(bassin.id, bassin.name, bassin.academyCode, bassin.departmentCode,
                    bassin.coordinatorId, schools, bassin.version);
        }
    }
}
