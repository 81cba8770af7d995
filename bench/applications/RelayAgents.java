import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The relays: an admin registers one for each two of the first ten départements (admin REST), or, when the run asks
 * for a number of relays, that many relays sharing all the départements of the world (relay r gets every département
 * d with d mod n = r; 20 relays: one each). Then one agent per relay works its queue by REST, as the relay's staff
 * would: claims a batch, forwards 90 %, rejects 10 %, again until the campaign is over.
 */
final class RelayAgents {

    private static final int RELAYED_DEPARTMENTS = 10;

    private final LeanHttp http;
    private final Tokens tokens;
    private final Tally<String> actions;
    private final AtomicBoolean over;
    private final List<String> relays = new ArrayList<>();
    private final AtomicInteger triaged = new AtomicInteger();

    /** Counts each decision's answer in {@code actions}; the agents work until {@code over} is set. */
    RelayAgents(LeanHttp http, Tokens tokens, Tally<String> actions, AtomicBoolean over) {
        this.http = http;
        this.tokens = tokens;
        this.actions = actions;
        this.over = over;
    }

    /** {@code count} relays over every département, or (0) five relays over the first ten. */
    void register(int count) throws Exception {
        if (count == 0) {
            for (int r = 0; r < RELAYED_DEPARTMENTS / 2; r++) {
                register("bench-relay-" + r, List.of(World.DEPARTMENTS.get(2 * r), World.DEPARTMENTS.get(2 * r + 1)));
            }
            return;
        }
        for (int r = 0; r < count; r++) {
            List<String> territory = new ArrayList<>();
            for (int d = r; d < World.DEPARTMENTS.size(); d += count) {
                territory.add(World.DEPARTMENTS.get(d));
            }
            register("bench-relay-" + r, territory);
        }
    }

    private void register(String relayId, List<String> departments) throws Exception {
        String body = CampaignLoad.JSON.writeValueAsString(Map.of("name", "Relais " + relayId, "departments",
                departments));
        LeanHttp.Answer answer = http.call("PUT", "/api/v1/relays/" + relayId, admin(), body);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("relay registration: " + answer);
        }
        relays.add(relayId);
    }

    String admin() {
        return tokens.token("bench-admin", List.of("admin"), Map.of());
    }

    /** The registered relays' ids. */
    List<String> ids() {
        return relays;
    }

    /** One agent per registered relay, each on its own virtual thread. */
    List<Thread> start() {
        List<Thread> agents = new ArrayList<>();
        for (String relayId : relays) {
            String agent = tokens.token("agent-" + relayId, List.of("relay"), Map.of("relay", relayId));
            agents.add(Thread.ofVirtual().start(() -> work(relayId, agent)));
        }
        return agents;
    }

    private void work(String relayId, String bearer) {
        while (!over.get()) {
            List<String> ids = claim(relayId, bearer);
            if (ids.isEmpty()) {
                sleep(200);
                continue;
            }
            for (String id : ids) {
                boolean reject = ThreadLocalRandom.current().nextDouble() < 0.1;
                LeanHttp.Answer decision = reject
                        ? http.call("POST", "/api/v1/applications/" + id + "/reject", bearer,
                                "{\"reason\":\"hors de nos secteurs cette semaine\"}")
                        : http.call("POST", "/api/v1/applications/" + id + "/forward", bearer, null);
                actions.add((reject ? "reject " : "forward ") + decision.status());
                triaged.incrementAndGet();
            }
        }
    }

    /** The ids of a batch of up to 50 candidacies claimed from the relay's queue; none when the claim fails. */
    private List<String> claim(String relayId, String bearer) {
        LeanHttp.Answer claim = http.call("POST", "/api/v1/relays/" + relayId + "/queue/claim?size=50", bearer, null);
        List<String> ids = new ArrayList<>();
        if (claim.status() == 200) {
            try {
                for (JsonNode item : CampaignLoad.JSON.readTree(claim.body()).get("items")) {
                    ids.add(item.get("id").asText());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    int count() {
        return relays.size();
    }

    int triaged() {
        return triaged.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
