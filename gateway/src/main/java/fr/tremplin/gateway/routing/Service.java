package fr.tremplin.gateway.routing;

import java.util.Locale;

/** The services behind the gateway; the lower-case name is used in logs, metrics and documents. */
public enum Service {
    OFFERS,
    SCHOOLS,
    APPLICATIONS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
