package kr.outage.compensation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A kustomize overlay as an operator would apply it: rendered by {@code kubectl kustomize}, split
 * into its documents. Without kubectl there is nothing to render; the checks then fail in CI
 * (which must validate what is deployed) and are skipped elsewhere.
 */
record Overlay(String name, List<JsonNode> documents) {

    static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    static final List<String> NAMES = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("incident-service", "entitlement-service", "payout-service");

    static Overlay render(String name) {
        return render(name, ROOT.resolve("k8s/overlays").resolve(name));
    }

    /** Renders any kustomization directory (e.g. an overlay with a component added). */
    static Overlay render(String name, Path dir) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
            String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kubectl.waitFor() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + errors);
            }
            return new Overlay(name, parse(yaml));
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean kubectlPresent() {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(p -> Files.isExecutable(Path.of(p, "kubectl")));
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        ObjectMapper mapper = new YAMLMapper();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var values = mapper.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode doc = values.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asText())).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " " + name));
    }

    /** Generated objects (secrets, config maps) get a content hash appended to their names. */
    Optional<JsonNode> findGenerated(String kind, String baseName) {
        return ofKind(kind).stream().filter(d -> d.path("metadata").path("name").asText().matches(
                java.util.regex.Pattern.quote(baseName) + "(-[a-z0-9]{10})?")).findFirst();
    }
}
