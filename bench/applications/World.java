import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The campaign's world: schools, offers and pupils, and the candidacies the pupils will submit. Everything is drawn
 * from one seeded Random, in a fixed order (the world, then the warm-up's plan, then the campaign's), so that every
 * run plays a campaign of the same shape; only the ids are random.
 */
final class World {

    static final List<String> DEPARTMENTS = List.of("59", "62", "80", "02", "60", "76", "27", "14", "50", "61",
            "35", "22", "29", "56", "44", "49", "53", "72", "85", "37");

    record Offer(UUID id, UUID organisationId, String department, List<String> weeks, int capacity,
                 String reservation, String reservedSchool) {
    }

    record School(String uai, String department, String priority, List<String> declaredWeeks) {
    }

    record Pupil(UUID id, School school, String classId) {
    }

    record Candidacy(Pupil pupil, Offer offer, String week) {
    }

    private final Random random = new Random(20270131L);
    private final List<Offer> offers = new ArrayList<>();
    private final List<School> schools = new ArrayList<>();
    /** The campaign's pupils first, then the warm-up's. */
    private final List<Pupil> pupils = new ArrayList<>();
    private final Map<UUID, Offer> offerById = new HashMap<>();
    private final int campaignPupils;

    private World(int campaignPupils) {
        this.campaignPupils = campaignPupils;
    }

    static World build(int nOffers, int nSchools, int nPupils, int warmupPupils) {
        World world = new World(nPupils);
        Random random = world.random;
        for (int i = 0; i < nSchools; i++) {
            String department = DEPARTMENTS.get(i % DEPARTMENTS.size());
            double p = random.nextDouble();
            String priority = p < 0.45 ? "REP_PLUS" : p < 0.90 ? "REP" : "NONE";
            List<String> declared = random.nextDouble() < 0.3 ? List.of(week(5), week(6), week(7), week(8), week(9),
                    week(10), week(11), week(12)) : List.of();
            world.schools.add(new School(String.format("%07d%c", 1_000_000 + i, (char) ('A' + i % 26)), department,
                    priority, declared));
        }
        for (int i = 0; i < nOffers; i++) {
            int first = 5 + random.nextInt(10);
            List<String> weeks = List.of(week(first), week(first + 1), week(first + 2));
            double r = random.nextDouble();
            String reservation = r < 0.75 ? "NONE" : r < 0.95 ? "REP" : "SCHOOL";
            String reservedSchool = reservation.equals("SCHOOL")
                    ? world.schools.get(random.nextInt(nSchools)).uai() : null;
            Offer offer = new Offer(UUID.randomUUID(), UUID.randomUUID(),
                    DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())), weeks, 1 + random.nextInt(4), reservation,
                    reservedSchool);
            world.offers.add(offer);
            world.offerById.put(offer.id(), offer);
        }
        for (int i = 0; i < nPupils + warmupPupils; i++) {
            world.pupils.add(new Pupil(UUID.randomUUID(), world.schools.get(random.nextInt(nSchools)),
                    "3" + (char) ('A' + random.nextInt(5))));
        }
        return world;
    }

    static String week(int n) {
        return String.format("2028-W%02d", n);
    }

    /**
     * 2 or 3 candidacies per pupil (50,000 for 20,000 pupils), each one the rules admit; grouped by pupil. The JIT's
     * warm-up uses other pupils than the measured campaign's.
     */
    List<Candidacy> plan(List<Pupil> who, int count) {
        List<List<Candidacy>> perPupil = new ArrayList<>();
        int remaining = count;
        for (int i = 0; i < who.size(); i++) {
            Pupil pupil = who.get(i);
            int left = who.size() - i;
            int k = Math.min(5, (int) Math.round((double) remaining / left));
            k = Math.max(1, k);
            Set<String> chosen = new HashSet<>();
            List<Candidacy> mine = new ArrayList<>();
            for (int attempt = 0; mine.size() < k && attempt < 500; attempt++) {
                Offer offer = offers.get(random.nextInt(offers.size()));
                if (offer.reservation().equals("REP") && pupil.school().priority().equals("NONE")) {
                    continue;
                }
                if (offer.reservation().equals("SCHOOL") && !pupil.school().uai().equals(offer.reservedSchool())) {
                    continue;
                }
                List<String> weeks = new ArrayList<>(offer.weeks());
                if (!pupil.school().declaredWeeks().isEmpty()) {
                    weeks.retainAll(pupil.school().declaredWeeks());
                }
                if (weeks.isEmpty()) {
                    continue;
                }
                String week = weeks.get(random.nextInt(weeks.size()));
                if (chosen.add(offer.id() + week)) {
                    mine.add(new Candidacy(pupil, offer, week));
                }
            }
            remaining -= mine.size();
            perPupil.add(mine);
        }
        Collections.shuffle(perPupil, random);
        List<Candidacy> plan = new ArrayList<>();
        perPupil.forEach(plan::addAll);
        return plan;
    }

    List<Offer> offers() {
        return offers;
    }

    Offer offer(UUID id) {
        return offerById.get(id);
    }

    List<School> schools() {
        return schools;
    }

    /** Every pupil, the warm-up's included: all are seeded and all need a token. */
    List<Pupil> pupils() {
        return pupils;
    }

    List<Pupil> campaignPupils() {
        return pupils.subList(0, campaignPupils);
    }

    List<Pupil> warmupPupils() {
        return pupils.subList(campaignPupils, pupils.size());
    }

    int seats() {
        return offers.stream().mapToInt(o -> o.capacity() * o.weeks().size()).sum();
    }

    int offerWeeks() {
        return offers.stream().mapToInt(o -> o.weeks().size()).sum();
    }
}
