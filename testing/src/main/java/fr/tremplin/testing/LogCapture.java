package fr.tremplin.testing;

import org.jboss.logmanager.ExtLogRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log line the service under test writes, whatever its logger and level (the access log included, when it is
 * on), as the text a log reader would see: logger, level, formatted message, MDC fields and the whole stack trace
 * of any exception with its messages. Attached to the root logger, so what a category's level lets through is
 * captured; {@link #start()} before the scenario, {@link #close()} after.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines that hold {@code text}, to name them when a scan fails. */
    public List<String> linesHolding(String text) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            if (line.contains(text)) {
                found.add(line);
            }
        }
        return found;
    }

    /** For each value the scenario used (named by what it is), the lines that wrote it: empty when none did. */
    public List<String> leaks(Map<String, String> secrets) {
        List<String> leaks = new ArrayList<>();
        secrets.forEach((what, value) -> {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("nothing to look for as " + what);
            }
            linesHolding(value).forEach(line -> leaks.add(what + " written in: " + line));
        });
        return leaks;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder();
        line.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ");
        if (record instanceof ExtLogRecord ext) {
            line.append(ext.getFormattedMessage());
            Map<String, String> mdc = ext.getMdcCopy();
            if (!mdc.isEmpty()) {
                line.append(' ').append(mdc);
            }
            if (ext.getNdc() != null && !ext.getNdc().isEmpty()) {
                line.append(' ').append(ext.getNdc());
            }
        } else {
            line.append(record.getMessage());
            if (record.getParameters() != null) {
                line.append(' ').append(List.of(record.getParameters()));
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }
}
