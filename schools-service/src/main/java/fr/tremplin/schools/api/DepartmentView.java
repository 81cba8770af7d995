package fr.tremplin.schools.api;

import fr.tremplin.schools.domain.Department;

/** A département as readers see it (public reference data), with its académie's code. */
public record DepartmentView(String code, String name, String academy) {
    public static DepartmentView of(Department department) {
        return new DepartmentView(department.code, department.name, department.academyCode);
    }
}
