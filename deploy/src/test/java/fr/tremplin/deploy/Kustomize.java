package fr.tremplin.deploy;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay with kustomize v5, as {@code kubectl kustomize} has it built in: the kubectl named by
 * {@code -Dtremplin.kubectl} or {@code $KUBECTL}, else the one {@code deploy/bin/kubectl-tool} installs in
 * {@code .platform/tools/}, else the one on the PATH. Without one, the tests are skipped on a developer's machine and
 * fail in CI ({@code CI=true}): .ci/run installs it first.
 */
final class Kustomize {

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();
    private static volatile String kubectl;

    private Kustomize() {
    }

    /** The repository's root (this module is {@code deploy/}). */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/overlays")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no deploy/overlays above " + here);
    }

    /** The objects of {@code deploy/overlays/<overlay>}, rendered once per JVM. */
    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Kustomize::run);
    }

    /** Parses a stream of YAML documents (a rendering, or a test's own objects). */
    static List<JsonNode> parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode object = (JsonNode) documents.next();
                if (object != null && object.isObject()) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    private static List<JsonNode> run(String overlay) {
        String tool = kubectl();
        Path dir = root().resolve("deploy/overlays").resolve(overlay);
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            Process process = new ProcessBuilder(tool, "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " took more than 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String kubectl() {
        if (kubectl == null) {
            List<String> candidates = new ArrayList<>();
            Optional.ofNullable(System.getProperty("tremplin.kubectl")).ifPresent(candidates::add);
            Optional.ofNullable(System.getenv("KUBECTL")).ifPresent(candidates::add);
            candidates.add(root().resolve(".platform/tools/kubectl/kubectl").toString());
            candidates.add("kubectl");
            kubectl = candidates.stream().filter(Kustomize::hasKustomizeV5).findFirst().orElse("");
        }
        if (kubectl.isEmpty()) {
            String why = "no kubectl with kustomize v5 (tried -Dtremplin.kubectl, $KUBECTL, .platform/tools/kubectl, "
                    + "the PATH): run deploy/bin/kubectl-tool";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        return kubectl;
    }

    private static boolean hasKustomizeV5(String candidate) {
        try {
            Process process = new ProcessBuilder(candidate, "version", "--client").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0
                    && output.contains("Kustomize Version: v5");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
