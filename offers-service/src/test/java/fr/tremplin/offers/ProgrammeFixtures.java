package fr.tremplin.offers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.tremplin.offers.OfferFixtures.OYONNAX_LAT;
import static fr.tremplin.offers.OfferFixtures.OYONNAX_LON;
import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.address;

/** The body of a Pass'3e-like programme: a city's week for the collèges of its département, REP+ weighted. */
public final class ProgrammeFixtures {

    private ProgrammeFixtures() {
    }

    public static Map<String, Object> programme(String title) {
        Map<String, Object> programme = new HashMap<>();
        programme.put("title", title);
        programme.put("description", "Une semaine à la mairie : conseil municipal, trois directions, restitution.");
        programme.put("sectorId", SECTOR_MODE);
        programme.put("publicSector", false);
        programme.put("address", address(OYONNAX_LAT, OYONNAX_LON));
        programme.put("schoolYear", "2027-2028");
        programme.put("weeks", List.of("2028-W05", "2028-W06"));
        programme.put("seatsPerWeek", 25);
        programme.put("territory", territory(List.of("01"), null, List.of()));
        programme.put("services", new ArrayList<>(List.of(
                service("sports", "Direction des sports", 2),
                service("etat-civil", "État civil", 1),
                service("espaces-verts", "Espaces verts", 2))));
        programme.put("dayPlan", new ArrayList<>(List.of(
                day(1, "Journée citoyenne", "Séance simulée du conseil municipal"),
                day(2, "Service 1", null), day(3, "Service 2", null), day(4, "Service 3", null),
                day(5, "Restitution", "Chaque groupe présente ce qu'il a vu aux élus"))));
        return programme;
    }

    public static Map<String, Object> territory(List<String> departments, String bassin, List<String> uais) {
        Map<String, Object> territory = new HashMap<>();
        territory.put("departments", departments);
        territory.put("bassin", bassin);
        territory.put("uais", uais);
        return territory;
    }

    public static Map<String, Object> service(String id, String name, int dailyCapacityGroups) {
        return Map.of("id", id, "name", name, "dailyCapacityGroups", dailyCapacityGroups);
    }

    public static Map<String, Object> day(int day, String title, String description) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("day", day);
        plan.put("title", title);
        if (description != null) {
            plan.put("description", description);
        }
        return plan;
    }
}
