package fr.tremplin.gateway.support;

import fr.tremplin.gateway.edge.AccessLog;
import org.jboss.logmanager.ExtLogRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The gateway's access-log lines as the tests see them: each line's fields (its MDC) plus its {@code message}.
 * {@link #start()} before a test, {@link #stop()} after.
 */
public final class AccessLogCapture extends Handler {

    private final List<Map<String, String>> lines = new CopyOnWriteArrayList<>();

    public void start() {
        Logger.getLogger(AccessLog.LOGGER).addHandler(this);
    }

    public void stop() {
        Logger.getLogger(AccessLog.LOGGER).removeHandler(this);
    }

    /** Every line so far, fields and message. */
    public List<Map<String, String>> lines() {
        return lines;
    }

    /** Every line so far as one text, to search for what must never be written. */
    public String text() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        Map<String, String> fields = new HashMap<>(((ExtLogRecord) record).getMdcCopy());
        fields.put("message", record.getMessage() == null ? "" : String.format(record.getMessage(), record.getParameters()));
        lines.add(fields);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
