package fr.tremplin.testing.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event contract of docs/events, as the tests check it: {@code asyncapi.yaml} says which topic carries which
 * {@code ce_type}, with which key and which headers and payload schemas (JSON Schema 2020-12, formats asserted).
 * {@link #violations} lists what an event breaks, each line naming the type and the field; an unknown type is one.
 * The documents are read from the repository ({@code docs/events}, found from the module's working directory up),
 * so that the build fails as soon as the code and the documents disagree.
 */
public final class EventContract {

    /** Where the documents are when not found from the working directory (a path, for a build run elsewhere). */
    public static final String DIRECTORY_PROPERTY = "tremplin.events.dir";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static volatile EventContract loaded;

    private final Map<String, Message> messages;

    private EventContract(Map<String, Message> messages) {
        this.messages = messages;
    }

    /** The contract of the repository this build runs in, read once per JVM. */
    public static EventContract load() {
        EventContract contract = loaded;
        if (contract == null) {
            synchronized (EventContract.class) {
                if (loaded == null) {
                    loaded = read(directory());
                }
                contract = loaded;
            }
        }
        return contract;
    }

    /** What a record read from Kafka breaks: its value, key and headers as they travelled. */
    public List<String> violations(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return violations(record.topic(), record.key(), headers, record.value());
    }

    /** What an event breaks; empty when it follows the contract. */
    public List<String> violations(String topic, String key, Map<String, String> headers, String payload) {
        String type = headers.get("ce_type");
        String event = (type == null ? "event without ce_type" : type) + " " + headers.getOrDefault("ce_id", "");
        Message message = type == null ? null : messages.get(type);
        if (message == null) {
            return List.of(event + ": unknown event type on " + topic + ", no message of that name in "
                    + "docs/events/asyncapi.yaml (document it with its schema)");
        }
        List<String> found = new ArrayList<>();
        if (topic == null || !message.topicPattern().matcher(topic).matches()) {
            found.add(event + ": published on " + topic + ", documented on " + message.topic());
        }
        describe(found, event, "key", message.key().validate(JSON.valueToTree(key)));
        describe(found, event, "header", message.headers().validate(JSON.valueToTree(headers)));
        JsonNode value;
        try {
            value = JSON.readTree(payload);
        } catch (RuntimeException e) {
            found.add(event + ": the payload is not JSON");
            return found;
        }
        describe(found, event, "payload", message.payload().validate(value));
        return found;
    }

    /** Fails with every violation listed. */
    public void check(ConsumerRecord<String, String> record) {
        List<String> found = violations(record);
        if (!found.isEmpty()) {
            throw new AssertionError("event contract (docs/events) broken:\n  " + String.join("\n  ", found));
        }
    }

    /** The documented types ({@code ce_type}), in the document's order. */
    public Set<String> types() {
        return messages.keySet();
    }

    private static void describe(List<String> found, String event, String part, List<Error> errors) {
        // One line per failing field: "offer.published <id>: payload $.title: required property ... not found".
        errors.stream().map(error -> event + ": " + part + " " + location(error) + error.getMessage())
                .distinct().forEach(found::add);
    }

    /** {@code $.weeks[0].startsOn: } for a nested field, nothing for the whole document (its message names it). */
    private static String location(Error error) {
        String at = String.valueOf(error.getInstanceLocation());
        return at.isEmpty() || at.equals("$") ? "" : at + ": ";
    }


    private static EventContract read(Path directory) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).build())
                        .schemas(EventContract::fileContent));
        JsonNode asyncApi = new YAMLMapper().readTree(directory.resolve("asyncapi.yaml").toFile());
        Map<String, Message> messages = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> channel : asyncApi.path("channels").properties()) {
            String topic = channel.getValue().path("address").asString();
            for (Map.Entry<String, JsonNode> reference : channel.getValue().path("messages").properties()) {
                String pointer = reference.getValue().path("$ref").asString().substring(1);
                JsonNode message = asyncApi.at(pointer);
                if (message.isMissingNode()) {
                    throw new IllegalStateException("asyncapi.yaml: " + pointer + " is not defined");
                }
                String type = message.path("name").asString();
                messages.put(type, new Message(topic,
                        schema(registry, directory, message.path("headers")),
                        schema(registry, directory, message.path("payload")),
                        registry.getSchema(message.path("bindings").path("kafka").path("key"))));
            }
        }
        if (messages.isEmpty()) {
            throw new IllegalStateException("no message in " + directory.resolve("asyncapi.yaml"));
        }
        return new EventContract(messages);
    }

    /** A multi-format schema object of AsyncAPI 3 whose schema is a {@code $ref} to a file beside the document. */
    private static Schema schema(SchemaRegistry registry, Path directory, JsonNode multiFormat) {
        String file = multiFormat.path("schema").path("$ref").asString();
        Path path = directory.resolve(file).normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("asyncapi.yaml refers to " + file + ", which does not exist");
        }
        Schema schema = registry.getSchema(SchemaLocation.of(path.toUri().toString()));
        schema.initializeValidators(); // resolve every $ref now: a broken document fails here, not per event
        return schema;
    }

    /** The schemas are files beside asyncapi.yaml, referred to by relative {@code $ref}s; nothing is fetched. */
    private static String fileContent(String iri) {
        if (!iri.startsWith("file:")) {
            return null;
        }
        try {
            return Files.readString(Paths.get(URI.create(iri)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + iri, e);
        }
    }

    private static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return Paths.get(configured).toAbsolutePath();
        }
        // Tests run with the module as working directory: the repository's docs/events is one level up.
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("events");
            if (Files.isRegularFile(candidate.resolve("asyncapi.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/events/asyncapi.yaml not found above " + Paths.get("").toAbsolutePath()
                + "; set -D" + DIRECTORY_PROPERTY);
    }

    /**
     * A documented message; its channel's address may have parameters ({@code tremplin.relay.{relayId}.v1}), each of
     * which stands for one topic-name segment (letters, digits, hyphens, underscores).
     */
    private record Message(String topic, Schema headers, Schema payload, Schema key) {
        java.util.regex.Pattern topicPattern() {
            String[] literals = topic.split("\\{[^}]*}", -1);
            StringBuilder regex = new StringBuilder(java.util.regex.Pattern.quote(literals[0]));
            for (int i = 1; i < literals.length; i++) {
                regex.append("[A-Za-z0-9_-]+").append(java.util.regex.Pattern.quote(literals[i]));
            }
            return java.util.regex.Pattern.compile(regex.toString());
        }
    }
}
