package fr.tremplin.common.events;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_*} headers. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** The binding maps datacontenttype to {@code content-type}; we also send {@code ce_datacontenttype} for simple consumers. */
    public static final String CONTENT_TYPE = "content-type";
    public static final String DATA_CONTENT_TYPE = "ce_datacontenttype";
    /**
     * The CloudEvents distributed-tracing extension: the W3C trace context of the producer span, as an attribute of
     * the event ({@link EventTraces}).
     */
    public static final String CE_TRACEPARENT = "ce_traceparent";
    /** The same context as the W3C Trace Context header OpenTelemetry's Kafka instrumentations read and write. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }
}
