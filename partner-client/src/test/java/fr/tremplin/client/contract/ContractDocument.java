package fr.tremplin.client.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The published contract's form: the merged OpenAPI document with every object's keys sorted (arrays keep their
 * order, which means something), printed with two-space indents and a final newline, so that the same API always
 * gives the same bytes and a change reads as a small diff.
 */
public final class ContractDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ContractDocument() {
    }

    public static JsonNode normalize(String document) {
        try {
            return sorted(JSON.readTree(document));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
        }
    }

    public static String print(JsonNode normalized) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(SEPARATORS)
                .withObjectIndenter(INDENT).withArrayIndenter(INDENT);
        try {
            return JSON.writer(printer).writeValueAsString(normalized) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What differs, operations first ("changed GET /api/v1/offers (searchOffers)", "only in the served document:
     * ..."), then components and the other top-level sections; empty when both are the same document.
     */
    public static List<String> differences(JsonNode committed, JsonNode served) {
        List<String> differences = new ArrayList<>();
        Map<String, JsonNode> ours = operations(committed);
        Map<String, JsonNode> theirs = operations(served);
        TreeSet<String> keys = new TreeSet<>(ours.keySet());
        keys.addAll(theirs.keySet());
        for (String key : keys) {
            JsonNode before = ours.get(key);
            JsonNode after = theirs.get(key);
            if (before == null) {
                differences.add("only in the served document: " + key + name(after));
            } else if (after == null) {
                differences.add("only in the committed file: " + key + name(before));
            } else if (!before.equals(after)) {
                differences.add("changed: " + key + name(after));
            }
        }
        compareMembers("components", committed.path("components"), served.path("components"), 2, differences);
        TreeSet<String> sections = new TreeSet<>();
        committed.fieldNames().forEachRemaining(sections::add);
        served.fieldNames().forEachRemaining(sections::add);
        sections.removeAll(List.of("paths", "components"));
        for (String section : sections) {
            if (!committed.path(section).equals(served.path(section))) {
                differences.add("changed: top-level " + section);
            }
        }
        // a path item's own members (parameters, summary) outside any operation
        if (differences.isEmpty() && !committed.path("paths").equals(served.path("paths"))) {
            differences.add("changed: paths (outside the operations)");
        }
        return differences;
    }

    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").properties().forEach(path -> METHODS.forEach(method -> {
            JsonNode operation = path.getValue().get(method);
            if (operation != null) {
                operations.put(method.toUpperCase() + " " + path.getKey(), operation);
            }
        }));
        return operations;
    }

    private static String name(JsonNode operation) {
        return operation.hasNonNull("operationId") ? " (" + operation.get("operationId").asText() + ")" : "";
    }

    private static void compareMembers(String where, JsonNode before, JsonNode after, int depth, List<String> out) {
        if (before.equals(after)) {
            return;
        }
        if (depth == 0 || !before.isObject() || !after.isObject()) {
            out.add("changed: " + where);
            return;
        }
        TreeSet<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            compareMembers(where + "/" + name, before.path(name), after.path(name), depth - 1, out);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            TreeMap<String, JsonNode> members = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                members.put(member.getKey(), sorted(member.getValue()));
            }
            members.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
