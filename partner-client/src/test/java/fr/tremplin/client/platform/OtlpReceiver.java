package fr.tremplin.client.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * The platform's trace collector in the test JVM: an OTLP/HTTP receiver on a loopback port ({@code POST /v1/traces},
 * {@code application/x-protobuf}, what Quarkus' exporter sends with {@code quarkus.otel.exporter.otlp.traces.protocol=http/protobuf}),
 * keeping every span it is sent. It reads the protobuf wire format itself: the few fields a test looks at (ids, parent,
 * name, kind, string attributes, the resource's {@code service.name}) of OpenTelemetry's trace.proto, whose field
 * numbers are stable (the OTLP specification freezes them), without the generated classes.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One span as exported: its process ({@code service.name}), ids in lower-case hex, SpanKind's name. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                               String kind, Map<String, String> attributes) {
        public String attribute(String key) {
            return attributes.get(key);
        }

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + traceId + "/" + spanId + " <- " + parentSpanId + " " + attributes;
        }
    }

    // trace.proto's SpanKind numbers
    private static final List<String> KINDS = List.of("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER");

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "otlp-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The base URL to give as {@code quarkus.otel.exporter.otlp.traces.endpoint} (the exporter adds /v1/traces). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    public List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            spans.addAll(exportRequest(ByteBuffer.wrap(body.readAllBytes())));
            // an empty ExportTraceServiceResponse: every span accepted
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; } */
    static List<ReceivedSpan> exportRequest(ByteBuffer request) {
        List<ReceivedSpan> received = new ArrayList<>();
        for (Field field : fields(request)) {
            if (field.number == 1) {
                received.addAll(resourceSpans(field.bytes));
            }
        }
        return received;
    }

    /** ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; } */
    private static List<ReceivedSpan> resourceSpans(ByteBuffer message) {
        String service = null;
        List<ByteBuffer> scopes = new ArrayList<>();
        for (Field field : fields(message)) {
            if (field.number == 1) {
                // Resource { repeated KeyValue attributes = 1; }
                service = attributes(field.bytes, 1).get("service.name");
            } else if (field.number == 2) {
                scopes.add(field.bytes);
            }
        }
        List<ReceivedSpan> received = new ArrayList<>();
        for (ByteBuffer scope : scopes) {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            for (Field field : fields(scope)) {
                if (field.number == 2) {
                    received.add(span(service, field.bytes));
                }
            }
        }
        return received;
    }

    /** Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6; repeated KeyValue attributes = 9; } */
    private static ReceivedSpan span(String service, ByteBuffer message) {
        String traceId = null;
        String spanId = null;
        String parent = null;
        String name = null;
        String kind = KINDS.get(0);
        for (Field field : fields(message)) {
            switch (field.number) {
                case 1 -> traceId = hex(field.bytes);
                case 2 -> spanId = hex(field.bytes);
                case 4 -> parent = field.bytes.hasRemaining() ? hex(field.bytes) : null;
                case 5 -> name = text(field.bytes);
                case 6 -> kind = field.varint < KINDS.size() ? KINDS.get((int) field.varint) : String.valueOf(field.varint);
                default -> { }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, attributes(message, 9));
    }

    /** The string and integer values of the KeyValue fields numbered {@code number}: KeyValue { string key = 1; AnyValue value = 2; } */
    private static Map<String, String> attributes(ByteBuffer message, int number) {
        Map<String, String> attributes = new HashMap<>();
        for (Field field : fields(message)) {
            if (field.number != number) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field keyValue : fields(field.bytes)) {
                if (keyValue.number == 1) {
                    key = text(keyValue.bytes);
                } else if (keyValue.number == 2) {
                    // AnyValue { string string_value = 1; bool bool_value = 2; int64 int_value = 3; ... }
                    for (Field any : fields(keyValue.bytes)) {
                        if (any.number == 1) {
                            value = text(any.bytes);
                        } else if (any.number == 2 || any.number == 3) {
                            value = String.valueOf(any.number == 2 ? any.varint != 0 : any.varint);
                        }
                    }
                }
            }
            if (key != null && value != null) {
                attributes.put(key, value);
            }
        }
        return attributes;
    }

    /** One field of a message: its number and either its varint or its length-delimited bytes. */
    private record Field(int number, long varint, ByteBuffer bytes) {
    }

    private static List<Field> fields(ByteBuffer message) {
        ByteBuffer in = message.duplicate();
        List<Field> fields = new ArrayList<>();
        while (in.hasRemaining()) {
            long tag = varint(in);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, varint(in), null));
                case 1 -> skip(in, 8);
                case 2 -> {
                    int length = (int) varint(in);
                    ByteBuffer bytes = in.slice(in.position(), length);
                    skip(in, length);
                    fields.add(new Field(number, 0, bytes));
                }
                case 5 -> skip(in, 4);
                default -> throw new IllegalArgumentException("unexpected protobuf wire type in " + tag);
            }
        }
        return fields;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    private static void skip(ByteBuffer in, int length) {
        in.position(in.position() + length);
    }

    private static String hex(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return HexFormat.of().formatHex(copy);
    }

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }
}
