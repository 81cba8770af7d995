package fr.tremplin.applications.service.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.applications.api.NotificationContactView;
import fr.tremplin.applications.api.SigningLinkView;
import fr.tremplin.applications.config.NotificationConfig;
import fr.tremplin.applications.domain.RetrySchedule;
import fr.tremplin.applications.domain.notifications.NotificationKind;
import fr.tremplin.applications.domain.notifications.NotificationRules;
import fr.tremplin.applications.domain.notifications.Recipient;
import fr.tremplin.applications.repository.LeasedQueue;
import fr.tremplin.applications.repository.NotificationContacts;
import fr.tremplin.applications.repository.NotificationLog;
import fr.tremplin.applications.service.AgreementService;
import fr.tremplin.applications.service.BatchesInFlight;
import fr.tremplin.applications.service.Every;
import fr.tremplin.common.events.NotifiedLoop;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sends the queued emails (docs/APPLICATIONS.md "Notifications"). The house pattern of {@code WebhookSender}: a thread
 * of its own ({@link NotifiedLoop}) woken by the notification each queued row sends on commit, else when a retry falls
 * due or every {@code tremplin.notifications.every}. A pass leases the due rows (never the same by two instances),
 * then, in one transaction per batch, looks up each recipient's contact and decides ({@link NotificationRules#decide}:
 * no contact or switched off: SKIPPED; a host's digest: DIGEST), mints the signing link of a SIGNING_LINK email
 * (tokens are stored hashed: a link cannot be read back) and writes the messages; it sends them to the SMTP server
 * (Quarkus Mailer: a batch at once, up to {@code in-flight} messages over the mailer's pool of connections, each an
 * exchange of five round trips) and records a batch's outcomes in one transaction: SENT, or RETRYING after a backoff
 * ({@link RetrySchedule}, as the webhooks'), FAILED once past the retry window, where an admin sees it
 * ({@code GET /api/v1/notifications?status=FAILED}). A crash while sending leaves the lease to run out: the message
 * goes again (at least once; the SMTP server may see it twice, the log never queues it twice). Never logs an address,
 * a body or a link.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@\"']+@[^\\s<>\"']+");

    private final NotificationLog log;
    private final NotificationContacts contacts;
    private final AgreementService agreements;
    private final NotificationMails mails;
    private final ReactiveMailer mailer;
    private final NotificationConfig config;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final RetrySchedule retry;
    private final BatchesInFlight batches = new BatchesInFlight("emails");
    private volatile NotifiedLoop loop;

    public NotificationSender(NotificationLog log, NotificationContacts contacts, AgreementService agreements,
                              NotificationMails mails, ReactiveMailer mailer, NotificationConfig config, Clock clock,
                              ObjectMapper mapper) {
        this.mapper = mapper;
        this.log = log;
        this.contacts = contacts;
        this.agreements = agreements;
        this.mails = mails;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.retry = new RetrySchedule(config.initialBackoff(), config.maxBackoff(), config.retryWindow());
    }

    /** A message written and on its way, or one decided without sending. */
    private record Outgoing(NotificationLog.Due due, String address, Mail mail) {
    }

    private record Outcome(Outgoing outgoing, String error) {
    }

    void onStart(@Observes StartupEvent event) {
        Optional<Duration> fallback = Every.parse(config.every());
        if (fallback.isEmpty()) {
            return;
        }
        loop = NotifiedLoop.start("notification-sender", NotificationConfig.CHANNEL, fallback.get(), () -> {
            run();
            return untilNextPass(fallback.get());
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        NotifiedLoop running = loop;
        if (running != null) {
            running.stop(Duration.ofSeconds(15));
        }
        batches.shutdown();
    }

    private Duration untilNextPass(Duration fallback) {
        Instant now = clock.instant();
        return LeasedQueue.untilNextPass(now, QuarkusTransaction.requiringNew().call(() -> log.nextRetry(now)), fallback);
    }

    /**
     * Sends everything due now, batch after batch, with up to {@code in-flight} messages on their way to the SMTP
     * server at once ({@link BatchesInFlight}); returns how many rows it handled (sent, failed or decided), once all
     * their outcomes are recorded.
     */
    public int run() {
        return batches.pass(() -> loop == null || loop.running(), config.batchSize(), config.inFlight(), size -> {
            Instant now = clock.instant();
            return QuarkusTransaction.requiringNew().call(() -> log.lease(now, now.plus(config.lease()), size));
        }, due -> send(QuarkusTransaction.requiringNew().call(() -> prepare(due))), this::record);
    }

    /** Decides each leased row; writes the messages to send (SKIPPED and DIGEST rows are recorded here). */
    private List<Outgoing> prepare(List<NotificationLog.Due> due) {
        List<Outgoing> outgoing = new ArrayList<>();
        Map<Recipient, NotificationContactView> known = contacts.findAll(
                due.stream().map(NotificationLog.Due::recipient).collect(Collectors.toSet()));
        for (NotificationLog.Due message : due) {
            Optional<NotificationContactView> contact = Optional.ofNullable(known.get(message.recipient()));
            NotificationRules.Decision decision = NotificationRules.decide(message.kind(), contact.map(
                    found -> new NotificationRules.Preferences(found.nonEssential(), found.dailyDigest())));
            switch (decision) {
                case SKIP_NO_CONTACT -> log.skipped(message.id(), "no contact");
                case SKIP_SWITCHED_OFF -> log.skipped(message.id(), "switched off");
                case DIGEST -> log.toDigest(message.id());
                case SEND -> {
                    String address = contact.orElseThrow().email();
                    String signingUrl = null;
                    Instant linkExpires = null;
                    if (message.kind() == NotificationKind.SIGNING_LINK) {
                        Optional<SigningLinkView> link = agreementOf(message).flatMap(agreements::mintForFamilyEmail);
                        if (link.isEmpty()) {
                            log.skipped(message.id(), "the agreement no longer awaits the family");
                            continue;
                        }
                        signingUrl = config.publicUrl() + link.get().path();
                        linkExpires = link.get().expiresAt();
                    }
                    outgoing.add(new Outgoing(message, address, mails.write(message.kind(), message.recipient(),
                            address, message.data(), signingUrl, linkExpires)));
                }
            }
        }
        return outgoing;
    }

    /** The agreement a SIGNING_LINK email is about, from the data its event queued. */
    private Optional<UUID> agreementOf(NotificationLog.Due message) {
        try {
            JsonNode agreementId = mapper.readTree(message.data()).path("agreementId");
            return agreementId.isTextual() ? Optional.of(UUID.fromString(agreementId.asText())) : Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Hands the batch to the SMTP server at once; completes with every answer. */
    private CompletableFuture<List<Outcome>> send(List<Outgoing> outgoing) {
        List<CompletableFuture<Outcome>> sending = new ArrayList<>(outgoing.size());
        for (Outgoing message : outgoing) {
            sending.add(mailer.send(message.mail()).subscribeAsCompletionStage().toCompletableFuture()
                    .orTimeout(1, TimeUnit.MINUTES)
                    .handle((done, error) -> new Outcome(message, error == null ? null : describe(error))));
        }
        return CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new))
                .thenApply(done -> sending.stream().map(CompletableFuture::join).toList());
    }

    /** Why the SMTP server refused or could not be reached, without any address it may quote. */
    static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String described = cause.getClass().getSimpleName() + message;
        described = ADDRESS.matcher(described).replaceAll("[address]");
        return described.length() > 300 ? described.substring(0, 300) : described;
    }

    private void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            log.sent(outcomes.stream().filter(outcome -> outcome.error() == null).map(outcome ->
                    new NotificationLog.Sent(outcome.outgoing().due().id(), outcome.outgoing().address())).toList(), now);
            for (Outcome outcome : outcomes) {
                NotificationLog.Due due = outcome.outgoing().due();
                if (outcome.error() != null) {
                    RetrySchedule.Next next = retry.after(due.createdAt(), due.attempts() + 1, now);
                    log.failed(due.id(), outcome.outgoing().address(), outcome.error(), next.at(), next.givesUp());
                }
            }
        });
        long failed = outcomes.stream().filter(outcome -> outcome.error() != null).count();
        if (failed > 0) {
            LOG.infof("emails: %d of %d failed, to be retried or given up", failed, outcomes.size());
        }
    }
}
