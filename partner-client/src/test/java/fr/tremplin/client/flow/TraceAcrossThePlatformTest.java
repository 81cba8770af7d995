package fr.tremplin.client.flow;

import fr.tremplin.client.ApiClient;
import fr.tremplin.client.api.HostOrganisationsApi;
import fr.tremplin.client.api.OffersApi;
import fr.tremplin.client.model.AddressRequest;
import fr.tremplin.client.model.OfferRequest;
import fr.tremplin.client.model.OfferStatus;
import fr.tremplin.client.model.OfferView;
import fr.tremplin.client.model.OrganisationRequest;
import fr.tremplin.client.platform.OtlpReceiver.ReceivedSpan;
import fr.tremplin.client.platform.RunningPlatform;
import fr.tremplin.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static fr.tremplin.client.flow.PartnerFlowTest.comingInternshipWeek;
import static fr.tremplin.client.flow.PartnerFlowTest.schoolYearOf;
import static fr.tremplin.client.flow.PartnerFlowTest.sector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace across the running platform (issue 15): a host publishes an offer through the gateway, which starts the
 * trace; offers-service serves the request in a child span, its outbox relay publishes the event in a producer span of
 * the same trace, and applications-service, another process, consumes it from Kafka in a consumer span that is a
 * child of that producer span. The four processes export their spans over OTLP to the test's receiver
 * ({@link RunningPlatform#traces()}); the gateway's access-log line (JSON) names the trace. Each process's half is
 * tested in its own module (the gateway's TracePropagationTest, offers-service's TraceTest); this is the whole.
 */
@ExtendWith(RunningPlatform.class)
class TraceAcrossThePlatformTest {

    private static final Duration EXPORTED = Duration.ofSeconds(30);

    @Test
    void a_request_through_the_gateway_its_event_and_another_services_consumer_share_one_trace() throws Exception {
        String week = comingInternshipWeek();
        ApiClient admin = Callers.as(TestTokens.as("admin"));
        UUID organisationId = UUID.randomUUID();
        new HostOrganisationsApi(admin).putOrganisation(organisationId, new OrganisationRequest()
                .name("Verrerie de Sars-Poteries").publicSector(false).city("Sars-Poteries").zipcode("59216"));
        ApiClient host = Callers.as(TestTokens.as("host").claim("organisation", organisationId.toString()));
        OfferView draft = new OffersApi(host).createOffer(new OfferRequest()
                .title("Souffler le verre").description("Une semaine à l'atelier, du four au polissage.")
                .sectorId(sector(admin).getId()).organisationId(organisationId).publicSector(false)
                .address(new AddressRequest().street("1 rue du Général de Gaulle").zipcode("59216")
                        .city("Sars-Poteries").department("59").latitude(50.1686).longitude(4.0269))
                .schoolYear(schoolYearOf(week)).weeks(List.of(week)).capacityPerWeek(1), UUID.randomUUID().toString());

        // no traceparent sent: the gateway starts the trace, as for any public client
        assertThat(new OffersApi(host).publishOffer(draft.getId()).getStatus()).isEqualTo(OfferStatus.PUBLISHED);

        String publishPath = "/api/v1/offers/" + draft.getId() + "/publish";
        ReceivedSpan gateway = awaitSpan("the gateway's server span of POST " + publishPath,
                span -> "tremplin-gateway".equals(span.service()) && "SERVER".equals(span.kind())
                        && publishPath.equals(path(span)));
        String traceId = gateway.traceId();
        ReceivedSpan served = awaitSpan("offers-service's server span in the gateway's trace",
                span -> traceId.equals(span.traceId()) && "offers-service".equals(span.service())
                        && "SERVER".equals(span.kind()));
        ReceivedSpan published = awaitSpan("offers-service's producer span of the offer's event",
                span -> traceId.equals(span.traceId()) && "offers-service".equals(span.service())
                        && "PRODUCER".equals(span.kind()) && "tremplin.offers.v1 publish".equals(span.name()));
        ReceivedSpan consumed = awaitSpan("applications-service's consumer span of that event",
                span -> traceId.equals(span.traceId()) && "applications-service".equals(span.service())
                        && "CONSUMER".equals(span.kind()) && "tremplin.offers.v1 process".equals(span.name())
                        && "applications-service.offers".equals(span.attribute("messaging.consumer.group.name")));

        assertThat(gateway.parentSpanId()).as("the gateway starts the trace").isNull();
        List<ReceivedSpan> aboveServed = ancestry(served);
        assertThat(aboveServed).as("offers-service's span is the gateway's child (through the gateway's own spans only)")
                .extracting(ReceivedSpan::service).containsOnly("tremplin-gateway");
        assertThat(aboveServed).extracting(ReceivedSpan::spanId).endsWith(gateway.spanId());
        assertThat(published.parentSpanId()).as("the outbox relay publishes in the request's span's context")
                .isEqualTo(served.spanId());
        assertThat(consumed.parentSpanId())
                .as("applications-service's consumer span is the producer span's child: the intake applies a poll, and "
                        + "parents each event's span on the context its record carries")
                .isEqualTo(published.spanId());

        // the access log names the route's template, never the offer's id
        await().atMost(Duration.ofSeconds(10)).until(() -> RunningPlatform.log("gateway").stream()
                .anyMatch(line -> line.contains(traceId)));
        assertThat(RunningPlatform.log("gateway")).as("the gateway's JSON access-log line of the request names its trace and span")
                .anyMatch(line -> line.startsWith("{") && line.contains("POST /api/v1/offers/{id}/publish 200")
                        && line.contains("\"traceId\":\"" + traceId + "\"") && line.contains("\"spanId\":\"" + gateway.spanId() + "\""));
        assertThat(RunningPlatform.log("offers-service")).as("so does offers-service's, with its own span")
                .anyMatch(line -> line.startsWith("{") && line.contains("\"traceId\":\"" + traceId + "\"")
                        && line.contains("\"spanId\":\"" + served.spanId() + "\""));
    }

    private static ReceivedSpan awaitSpan(String what, Predicate<ReceivedSpan> wanted) {
        try {
            return await().atMost(EXPORTED).until(() -> find(wanted), Optional::isPresent).orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not exported within " + EXPORTED + ": " + what + "; spans received:\n"
                    + String.join("\n", RunningPlatform.traces().spans().stream().map(ReceivedSpan::toString).toList()), e);
        }
    }

    private static Optional<ReceivedSpan> find(Predicate<ReceivedSpan> wanted) {
        return RunningPlatform.traces().spans().stream().filter(wanted).findFirst();
    }

    /** The span's parents, nearest first, as far as the received spans of its trace go; fails on a missing link. */
    private static List<ReceivedSpan> ancestry(ReceivedSpan span) {
        List<ReceivedSpan> trace = RunningPlatform.traces().trace(span.traceId());
        List<ReceivedSpan> ancestors = new ArrayList<>();
        String parent = span.parentSpanId();
        while (parent != null) {
            String id = parent;
            ReceivedSpan next = trace.stream().filter(other -> other.spanId().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("span " + id + ", parent in the chain of " + span
                            + ", was never exported; the trace:\n" + String.join("\n", trace.stream().map(ReceivedSpan::toString).toList())));
            ancestors.add(next);
            parent = next.parentSpanId();
        }
        return ancestors;
    }

    /** The request's path, under the current (url.path) or the older (http.target) semantic conventions. */
    private static String path(ReceivedSpan span) {
        String path = span.attribute("url.path");
        return path != null ? path : span.attribute("http.target");
    }
}
