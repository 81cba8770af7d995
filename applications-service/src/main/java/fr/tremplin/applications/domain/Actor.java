package fr.tremplin.applications.domain;

/**
 * Who performs a transition: a person's id (the token's {@code sub}, never a name) and the role they act in,
 * or the system itself (timers, event consumers), or the family through its signing link.
 */
public record Actor(String id, String role) {

    public static final String SYSTEM_ROLE = "system";
    public static final String LEGAL_REPRESENTATIVE_ROLE = "legal-representative";

    public static final Actor SYSTEM = new Actor("system", SYSTEM_ROLE);
    public static final Actor LEGAL_REPRESENTATIVE = new Actor("legal-representative", LEGAL_REPRESENTATIVE_ROLE);
    /** The audit trail's "who" of what the family gives through its link before signing (its name, its contact). */
    public static final Actor FAMILY_VIA_SIGNING_LINK = new Actor("family via signing link", LEGAL_REPRESENTATIVE_ROLE);
}
