package fr.tremplin.common.security;

/** The role claims of docs/ARCHITECTURE.md §1, as the {@code groups} of a token. */
public final class Roles {
    public static final String PUPIL = "pupil";
    public static final String PRINCIPAL = "principal";
    public static final String MAIN_TEACHER = "main-teacher";
    public static final String RIPREE = "ripree";
    public static final String TEACHER = "teacher";
    public static final String HOST = "host";
    public static final String OPERATOR = "operator";
    public static final String RELAY = "relay";
    public static final String MINISTRY = "ministry";
    public static final String TERRITORY = "territory";
    public static final String ADMIN = "admin";

    /** Every role (the fuzz tests speak as each of them). */
    public static final java.util.List<String> ALL = java.util.List.of(PUPIL, PRINCIPAL, MAIN_TEACHER, RIPREE, TEACHER,
            HOST, OPERATOR, RELAY, MINISTRY, TERRITORY, ADMIN);

    /** Order in which a caller's "main" role is chosen for the audit trail. */
    static final String[] PRECEDENCE = {ADMIN, PRINCIPAL, MAIN_TEACHER, RIPREE, TEACHER, HOST, OPERATOR, RELAY,
            MINISTRY, TERRITORY, PUPIL};

    private Roles() {
    }
}
