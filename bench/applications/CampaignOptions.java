import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The options of {@code CampaignLoad run}, given as key=value arguments after the command. The defaults are the full
 * benchmark's (docs/BENCHMARKS.md); run.sh passes all but the shares and the warm-up.
 * {@code relays=0} registers the campaign benchmark's five relays over ten départements, triaging by REST only;
 * {@code relays=N} registers N relays sharing all the départements, each reading its own Kafka feed with its own
 * credentials (RelayFeeds), and {@code webhooks=true} also gives each a webhook to a local receiver (WebhookReceiver).
 * With {@code direct=URL} (issue 14), {@code base} is a gateway in front of the service at {@code direct}: every other
 * submission goes straight to the service, so that both paths are measured in the same run (SubmissionDriver).
 * With {@code mailApi=URL} (issue 16), every host, school and family has a contact, so each transition's email is
 * sent, to an SMTP server whose API (GreenMail's) is at that URL (Mailboxes).
 */
record CampaignOptions(String base, String direct, String bootstrap, String offersTopic, String schoolsTopic, String db, Path key,
                       int offers, int schools, int pupils, int candidacies, int rate, double acceptShare,
                       double confirmShare, int warmup, int relays, boolean webhooks,
                       String mailApi) {

    static CampaignOptions parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            o.put(kv[0], kv[1]);
        }
        return new CampaignOptions(
                o.getOrDefault("base", "http://127.0.0.1:18083"),
                o.get("direct"),
                o.getOrDefault("bootstrap", "127.0.0.1:9092"),
                o.get("offersTopic"),
                o.get("schoolsTopic"),
                o.get("db"),
                Path.of(o.get("key")),
                Integer.parseInt(o.getOrDefault("offers", "5000")),
                Integer.parseInt(o.getOrDefault("schools", "400")),
                Integer.parseInt(o.getOrDefault("pupils", "20000")),
                Integer.parseInt(o.getOrDefault("candidacies", "50000")),
                Integer.parseInt(o.getOrDefault("rate", "350")),
                Double.parseDouble(o.getOrDefault("accept", "0.15")),
                Double.parseDouble(o.getOrDefault("confirm", "0.5")),
                Integer.parseInt(o.getOrDefault("warmup", "3000")),
                Integer.parseInt(o.getOrDefault("relays", "0")),
                Boolean.parseBoolean(o.getOrDefault("webhooks", "false")),
                o.get("mailApi"));
    }

    boolean mail() {
        return mailApi != null;
    }

    /** The warm-up's candidacies come from pupils of their own, about three each. */
    int warmupPupils() {
        return (warmup + 2) / 3;
    }
}
