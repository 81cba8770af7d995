import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hosts and the families: a host accepts some of the candidacies forwarded to it (a seat held); the pupil's family
 * confirms some accepted ones (the seat consumed, the pupil's other candidacies cancelled), only once all the pupil's
 * submissions are answered and only one per pupil.
 */
final class HostsAndFamilies {

    private final LeanHttp http;
    private final Tokens tokens;
    private final Tally<String> actions;
    private final AtomicBoolean over;
    private final World world;
    private final SubmissionDriver submissions;
    private final BlockingQueue<EventObserver.Forwarded> forwarded;
    private final double acceptShare;
    private final double confirmShare;
    private final Set<UUID> placedPupils = ConcurrentHashMap.newKeySet();

    /** Counts each answer in {@code actions}; works until {@code over} is set. */
    HostsAndFamilies(LeanHttp http, Tokens tokens, Tally<String> actions, AtomicBoolean over, World world,
                     SubmissionDriver submissions, BlockingQueue<EventObserver.Forwarded> forwarded,
                     CampaignOptions options) {
        this.http = http;
        this.tokens = tokens;
        this.actions = actions;
        this.over = over;
        this.world = world;
        this.submissions = submissions;
        this.forwarded = forwarded;
        this.acceptShare = options.acceptShare();
        this.confirmShare = options.confirmShare();
    }

    List<Thread> start(int threads) {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            started.add(Thread.ofVirtual().start(this::work));
        }
        return started;
    }

    private void work() {
        while (!over.get()) {
            EventObserver.Forwarded next;
            try {
                next = forwarded.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            UUID applicationId = next.applicationId();
            World.Offer offer = world.offer(next.offerId());
            World.Pupil pupil = submissions.pupilOf(applicationId);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (offer == null || pupil == null || random.nextDouble() >= acceptShare) {
                continue;
            }
            LeanHttp.Answer accept = http.call("POST", "/api/v1/applications/" + applicationId + "/accept",
                    tokens.host(offer), null);
            actions.add("accept " + accept.status());
            if (accept.status() == 200 && random.nextDouble() < confirmShare
                    && submissions.allAnswered(pupil) && placedPupils.add(pupil.id())) {
                LeanHttp.Answer confirm = http.call("POST", "/api/v1/applications/" + applicationId + "/confirm",
                        tokens.pupil(pupil), null);
                actions.add("confirm " + confirm.status());
            }
        }
    }
}
