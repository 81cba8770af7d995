package fr.tremplin.common.territory;

import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * The académies and the département each belongs to (docs/ARCHITECTURE.md §6): the codes are the slugs tokens and
 * filters use ({@code lille}, {@code aix-marseille}). schools-service seeds the same table in its database; its
 * {@code TerritoryTest} checks that both agree.
 */
public final class Academies {

    /** Académie code → name. */
    public static final Map<String, String> NAMES = Map.ofEntries(
        entry("aix-marseille", "Aix-Marseille"),
        entry("amiens", "Amiens"),
        entry("besancon", "Besançon"),
        entry("bordeaux", "Bordeaux"),
        entry("clermont-ferrand", "Clermont-Ferrand"),
        entry("corse", "Corse"),
        entry("creteil", "Créteil"),
        entry("dijon", "Dijon"),
        entry("grenoble", "Grenoble"),
        entry("guadeloupe", "Guadeloupe"),
        entry("guyane", "Guyane"),
        entry("la-reunion", "La Réunion"),
        entry("lille", "Lille"),
        entry("limoges", "Limoges"),
        entry("lyon", "Lyon"),
        entry("martinique", "Martinique"),
        entry("mayotte", "Mayotte"),
        entry("montpellier", "Montpellier"),
        entry("nancy-metz", "Nancy-Metz"),
        entry("nantes", "Nantes"),
        entry("nice", "Nice"),
        entry("normandie", "Normandie"),
        entry("orleans-tours", "Orléans-Tours"),
        entry("paris", "Paris"),
        entry("poitiers", "Poitiers"),
        entry("reims", "Reims"),
        entry("rennes", "Rennes"),
        entry("strasbourg", "Strasbourg"),
        entry("toulouse", "Toulouse"),
        entry("versailles", "Versailles"));

    /** Canonical département code → académie code. */
    public static final Map<String, String> OF_DEPARTMENT = Map.ofEntries(
        entry("01", "lyon"),
        entry("02", "amiens"),
        entry("03", "clermont-ferrand"),
        entry("04", "aix-marseille"),
        entry("05", "aix-marseille"),
        entry("06", "nice"),
        entry("07", "grenoble"),
        entry("08", "reims"),
        entry("09", "toulouse"),
        entry("10", "reims"),
        entry("11", "montpellier"),
        entry("12", "toulouse"),
        entry("13", "aix-marseille"),
        entry("14", "normandie"),
        entry("15", "clermont-ferrand"),
        entry("16", "poitiers"),
        entry("17", "poitiers"),
        entry("18", "orleans-tours"),
        entry("19", "limoges"),
        entry("2A", "corse"),
        entry("2B", "corse"),
        entry("21", "dijon"),
        entry("22", "rennes"),
        entry("23", "limoges"),
        entry("24", "bordeaux"),
        entry("25", "besancon"),
        entry("26", "grenoble"),
        entry("27", "normandie"),
        entry("28", "orleans-tours"),
        entry("29", "rennes"),
        entry("30", "montpellier"),
        entry("31", "toulouse"),
        entry("32", "toulouse"),
        entry("33", "bordeaux"),
        entry("34", "montpellier"),
        entry("35", "rennes"),
        entry("36", "orleans-tours"),
        entry("37", "orleans-tours"),
        entry("38", "grenoble"),
        entry("39", "besancon"),
        entry("40", "bordeaux"),
        entry("41", "orleans-tours"),
        entry("42", "lyon"),
        entry("43", "clermont-ferrand"),
        entry("44", "nantes"),
        entry("45", "orleans-tours"),
        entry("46", "toulouse"),
        entry("47", "bordeaux"),
        entry("48", "montpellier"),
        entry("49", "nantes"),
        entry("50", "normandie"),
        entry("51", "reims"),
        entry("52", "reims"),
        entry("53", "nantes"),
        entry("54", "nancy-metz"),
        entry("55", "nancy-metz"),
        entry("56", "rennes"),
        entry("57", "nancy-metz"),
        entry("58", "dijon"),
        entry("59", "lille"),
        entry("60", "amiens"),
        entry("61", "normandie"),
        entry("62", "lille"),
        entry("63", "clermont-ferrand"),
        entry("64", "bordeaux"),
        entry("65", "toulouse"),
        entry("66", "montpellier"),
        entry("67", "strasbourg"),
        entry("68", "strasbourg"),
        entry("69", "lyon"),
        entry("70", "besancon"),
        entry("71", "dijon"),
        entry("72", "nantes"),
        entry("73", "grenoble"),
        entry("74", "grenoble"),
        entry("75", "paris"),
        entry("76", "normandie"),
        entry("77", "creteil"),
        entry("78", "versailles"),
        entry("79", "poitiers"),
        entry("80", "amiens"),
        entry("81", "toulouse"),
        entry("82", "toulouse"),
        entry("83", "nice"),
        entry("84", "aix-marseille"),
        entry("85", "nantes"),
        entry("86", "poitiers"),
        entry("87", "limoges"),
        entry("88", "nancy-metz"),
        entry("89", "dijon"),
        entry("90", "besancon"),
        entry("91", "versailles"),
        entry("92", "versailles"),
        entry("93", "creteil"),
        entry("94", "creteil"),
        entry("95", "versailles"),
        entry("971", "guadeloupe"),
        entry("972", "martinique"),
        entry("973", "guyane"),
        entry("974", "la-reunion"),
        entry("976", "mayotte"));

    private Academies() {
    }

    /** The académie of a canonical département code, or empty when there is none. */
    public static Optional<String> ofDepartment(String department) {
        return Optional.ofNullable(department == null ? null : OF_DEPARTMENT.get(department));
    }

    public static boolean exists(String academy) {
        return academy != null && NAMES.containsKey(academy);
    }
}
