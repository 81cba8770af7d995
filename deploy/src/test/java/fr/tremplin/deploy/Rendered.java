package fr.tremplin.deploy;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rendered overlay, and what a pod of it would see: its containers' environment (env, envFrom and
 * configMapKeyRef resolved against the overlay's ConfigMaps) over the module's application.properties, as
 * SmallRye Config reads them (an environment variable wins; {@code %prod.} over the plain key).
 */
record Rendered(List<JsonNode> objects) {

    // an expression without another inside it: nested defaults (${A:${B:c}}) are expanded from the inside out
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:${}]+)(?::([^${}]*))?}");

    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asString())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asString();
    }

    /** The first container's environment of a Deployment, the ConfigMaps resolved; Secrets stay unknown. */
    Map<String, String> environment(JsonNode deployment) {
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String map = source.path("configMapRef").path("name").asString();
            find("ConfigMap", map).ifPresent(cm -> cm.path("data").properties()
                    .forEach(e -> env.put(e.getKey(), e.getValue().asString())));
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asString();
            if (variable.has("value")) {
                env.put(name, variable.path("value").asString());
            } else {
                JsonNode ref = variable.path("valueFrom").path("configMapKeyRef");
                if (!ref.isMissingNode()) {
                    find("ConfigMap", ref.path("name").asString())
                            .map(cm -> cm.path("data").path(ref.path("key").asString()))
                            .filter(value -> !value.isMissingNode())
                            .ifPresent(value -> env.put(name, value.asString()));
                } else {
                    env.put(name, null); // from a Secret: set, value unknown here
                }
            }
        }
        return env;
    }

    /** The module's application.properties (the Deployment's name is the module's folder). */
    static Properties applicationProperties(String module) {
        Path file = Kustomize.root().resolve(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties;
    }

    /** A property's value in the running pod, or empty. */
    Optional<String> setting(JsonNode deployment, String property) {
        Map<String, String> env = environment(deployment);
        String variable = property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
        if (env.containsKey(variable)) {
            return Optional.ofNullable(env.get(variable));
        }
        Properties properties = applicationProperties(name(deployment));
        String raw = properties.getProperty("%prod." + property, properties.getProperty(property));
        return Optional.ofNullable(raw).map(value -> expand(value, env));
    }

    private static String expand(String value, Map<String, String> env) {
        String expanded = expandOnce(value, env);
        return expanded.equals(value) ? value : expand(expanded, env);
    }

    private static String expandOnce(String value, Map<String, String> env) {
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = env.containsKey(matcher.group(1)) ? String.valueOf(env.get(matcher.group(1)))
                    : matcher.group(2) == null ? "" : matcher.group(2);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether a label selector (matchLabels, matchExpressions) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        Map<String, String> have = new HashMap<>();
        labels.properties().forEach(e -> have.put(e.getKey(), e.getValue().asString()));
        for (var wanted : selector.path("matchLabels").properties()) {
            if (!wanted.getValue().asString().equals(have.get(wanted.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asString();
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(value -> values.add(value.asString()));
            boolean ok = switch (expression.path("operator").asString()) {
                case "In" -> have.containsKey(key) && values.contains(have.get(key));
                case "NotIn" -> !have.containsKey(key) || !values.contains(have.get(key));
                case "Exists" -> have.containsKey(key);
                case "DoesNotExist" -> !have.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
