package fr.tremplin.schools.domain;

import fr.tremplin.common.security.Roles;

/** A staff member's function in a school, and the token role that goes with it. */
public enum StaffRole {
    PRINCIPAL(Roles.PRINCIPAL),
    MAIN_TEACHER(Roles.MAIN_TEACHER),
    RIPREE(Roles.RIPREE),
    TEACHER(Roles.TEACHER);

    public final String tokenRole;

    StaffRole(String tokenRole) {
        this.tokenRole = tokenRole;
    }
}
