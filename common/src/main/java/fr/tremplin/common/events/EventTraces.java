package fr.tremplin.common.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * How an event carries its trace (docs/ARCHITECTURE.md, "Traces"): {@link Outbox} keeps the W3C {@code traceparent}
 * of the change's span in the outbox row; {@link OutboxRelay} publishes the row in a producer span, child of that
 * context, and sends the producer span's context as the {@code traceparent} header (read by OpenTelemetry's Kafka
 * instrumentation) and as the CloudEvents distributed-tracing extension {@code ce_traceparent}; {@link EventIntake}
 * processes it in a consumer span of the same trace. With the SDK disabled ({@code quarkus.otel.sdk.disabled}, the
 * default) every span here is a no-op and nothing is written or sent.
 */
@ApplicationScoped
public class EventTraces {

    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(CloudEventHeaders.TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return CloudEventHeaders.TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public EventTraces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("tremplin-events");
    }

    /** The current span's context as a W3C {@code traceparent}, or null when no trace is recorded. */
    public static String currentTraceparent() {
        return traceparent(Span.current());
    }

    static String traceparent(Span span) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The producer span of one outbox row: a child of the change's context when the row kept one. */
    Span publishing(String topic, String eventId, String type, String traceparent) {
        return tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent(traceparent, Context.root()))
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(OPERATION, "publish")
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, type)
                .startSpan();
    }

    /**
     * The consumer span of one record: a child of the producer's span, whose context the record carries as {@code
     * traceparent} and {@code ce_traceparent} ({@link EventIntake} applies a whole poll, so no per-record span of Kafka's
     * instrumentation is current), else of the current context.
     */
    Span processing(ConsumerRecord<String, ?> record, String consumer) {
        String carried = IncomingEvent.header(record, CloudEventHeaders.TRACEPARENT);
        Context parent = parent(carried != null ? carried : IncomingEvent.header(record, CloudEventHeaders.CE_TRACEPARENT),
                Context.current());
        return tracer.spanBuilder(record.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(CONSUMER, consumer)
                .setAttribute(MESSAGE_ID, IncomingEvent.header(record, CloudEventHeaders.ID))
                .setAttribute(EVENT_TYPE, IncomingEvent.header(record, CloudEventHeaders.TYPE))
                .startSpan();
    }

    static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }

    private static Context parent(String traceparent, Context fallback) {
        if (traceparent == null || traceparent.isBlank()) {
            return fallback;
        }
        return W3CTraceContextPropagator.getInstance().extract(fallback, traceparent, TRACEPARENT);
    }
}
