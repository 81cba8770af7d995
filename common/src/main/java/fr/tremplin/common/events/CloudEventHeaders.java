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

    private CloudEventHeaders() {
    }
}
