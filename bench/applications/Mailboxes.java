import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The emails of a campaign (issue 16, option mail=true): every host, school and family of the world gets a contact
 * before the campaign, so that each transition's email is really written and sent to an SMTP server
 * (GreenMail, the benchmark's own: run.sh --mail starts it); after the campaign, the delay from each message's queuing (in the transition's own transaction) to the
 * SMTP server's acceptance, read from the delivery log. Target: p99 under 5 s at 300 candidacies/s.
 * The contacts are written straight into the service's table: setting them up is not what is measured.
 */
final class Mailboxes {

    private static final String CONTACT = "INSERT INTO notification_contact (party_kind, party_id, email, updated_at) "
            + "VALUES (?, ?, ?, now()) ON CONFLICT (party_kind, party_id) DO NOTHING";
    /** The messages queued since the measured campaign began, still to be decided or sent. */
    private static final String WAITING = "SELECT count(*) FROM notification WHERE status IN ('QUEUED', 'RETRYING') "
            + "AND created_at >= '%s'";

    private Mailboxes() {
    }

    /** One address per host organisation, school and family, on a domain that exists nowhere. */
    static void seedContacts(String url, World world) throws SQLException {
        long start = System.nanoTime();
        int written = 0;
        try (Connection c = DriverManager.getConnection(url, "applications", "applications");
             PreparedStatement insert = c.prepareStatement(CONTACT)) {
            c.setAutoCommit(false);
            for (World.Offer offer : world.offers()) {
                written += add(insert, "HOST", offer.organisationId().toString());
            }
            for (World.School school : world.schools()) {
                written += add(insert, "SCHOOL", school.uai());
            }
            for (World.Pupil pupil : world.pupils()) {
                written += add(insert, "FAMILY", pupil.id().toString());
            }
            insert.executeBatch();
            c.commit();
        }
        System.out.printf("mail: %d contacts (hosts, schools, families) written in %.1f s%n", written, (System.nanoTime() - start) / 1e9);
    }

    /** What the SMTP server holds for the busiest recipient, against what the log says it sent to that address. */
    private static void crossCheck(Database db, String mailApi, String since) throws Exception {
        String busiest = db.strings("SELECT recipient FROM notification WHERE status = 'SENT' AND " + since
                + " GROUP BY recipient ORDER BY count(*) DESC, recipient LIMIT 1").iterator().next();
        long logged = db.scalar("SELECT count(*) FROM notification WHERE status = 'SENT' AND recipient = '" + busiest
                + "'");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(mailApi + "/api/user/" + busiest + "/messages/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        int held = answer.statusCode() == 200 ? CampaignLoad.JSON.readTree(answer.body()).size() : -1;
        System.out.printf("  the SMTP server holds %d messages for the busiest recipient (a host), the log says %d sent%n",
                held, logged);
    }

    private static int add(PreparedStatement insert, String kind, String id) throws SQLException {
        insert.setString(1, kind);
        insert.setString(2, id);
        insert.setString(3, kind.toLowerCase() + "-" + id.toLowerCase() + "@bench.tremplin.invalid");
        insert.addBatch();
        return 1;
    }

    /** Waits until the campaign's messages have all been decided (2 minutes at the most), then prints the figures. */
    static void report(Database db, String mailApi, Instant campaignStart, double campaignSeconds) throws Exception {
        long waitStart = System.nanoTime();
        long waiting = db.scalar(WAITING.formatted(Timestamp.from(campaignStart)));
        while (waiting > 0 && System.nanoTime() - waitStart < TimeUnit.MINUTES.toNanos(2)) {
            Thread.sleep(500);
            waiting = db.scalar(WAITING.formatted(Timestamp.from(campaignStart)));
        }
        String since = "created_at >= '" + Timestamp.from(campaignStart) + "'";
        Map<String, Long> byKind = db.counts("SELECT kind || ' ' || status, count(*) FROM notification WHERE " + since
                + " GROUP BY 1");
        long sent = db.scalar("SELECT count(*) FROM notification WHERE status = 'SENT' AND " + since);
        List<Double> lag = db.doubles("SELECT unnest(percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP "
                + "(ORDER BY extract(epoch FROM sent_at - created_at))) FROM notification WHERE status = 'SENT' AND "
                + since);
        double max = db.doubles("SELECT coalesce(max(extract(epoch FROM sent_at - created_at)), 0) "
                + "FROM notification WHERE status = 'SENT' AND " + since).get(0);
        System.out.printf("emails queued since the campaign began, by kind and outcome: %s%n", byKind);
        System.out.printf("  %d sent to the SMTP server, %.1f/s over the campaign; %d still waiting %.0f s after it%n",
                sent, sent / campaignSeconds, waiting, (System.nanoTime() - waitStart) / 1e9);
        if (sent > 0) {
            System.out.printf("  delay from queuing (the transition's commit) to the SMTP server's acceptance: "
                    + "p50=%.0f ms p95=%.0f ms p99=%.0f ms max=%.0f ms (target p99 < 5 s)%n", lag.get(0) * 1000,
                    lag.get(1) * 1000, lag.get(2) * 1000, max * 1000);
            crossCheck(db, mailApi, since);
        }
    }
}
