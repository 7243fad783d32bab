package kr.outage.compensation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The manifests and the services agree: the probe paths are the health endpoints the services
 * serve, the container port is the port the service listens on, every environment variable the
 * manifests set is one the service reads (and every one it needs without a default is set), files
 * named by the environment are on mounted volumes, the incident-service URL is its Service, and the
 * images are the ones the Dockerfiles build.
 */
class ManifestConsistencyTest {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    @BeforeAll
    static void kubectlRendersTheOverlays() {
        assumeTrue(Overlay.kubectlPresent() || "true".equals(System.getenv("CI")),
                "kubectl is not installed: the overlays cannot be rendered here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesPortsAndEnvironmentAreTheOnesTheServicesUse(String overlay) throws IOException {
        Overlay rendered = Overlay.render(overlay);
        for (String service : Overlay.SERVICES) {
            Properties config = applicationProperties(service);
            JsonNode container = rendered.get("Deployment", service).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            Map<String, String> env = environment(rendered, container);

            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            for (String probe : new String[]{"startupProbe", "livenessProbe", "readinessProbe"}) {
                assertThat(container.path(probe).path("httpGet").path("port").asText()).as(service + " " + probe).isEqualTo("http");
            }
            int containerPort = container.path("ports").get(0).path("containerPort").asInt();
            assertThat(container.path("ports").get(0).path("name").asText()).isEqualTo("http");
            assertThat(env.get("QUARKUS_HTTP_PORT")).as(service + " listens where the probes knock").isEqualTo(String.valueOf(containerPort));
            JsonNode servicePort = rendered.get("Service", service).path("spec").path("ports").get(0);
            assertThat(servicePort.path("targetPort").asText()).isEqualTo("http");

            Set<String> read = variablesRead(config);
            assertThat(env.keySet()).as(overlay + ": variables " + service + " is given but never reads")
                    .allSatisfy(name -> assertThat(read.contains(name) || quarkusProperty(name, config)).as(name).isTrue());
            assertThat(env.keySet()).as(overlay + ": variables " + service + " needs, with no default")
                    .containsAll(variablesWithoutDefault(config));

            // the development keys are trusted only in the dev-keys profile, which production never runs
            assertThat(env.getOrDefault("QUARKUS_PROFILE", "")).as(overlay + ": " + service + " profile")
                    .satisfies(profile -> assertThat(overlay.equals("dev") || !profile.contains("dev-keys")).isTrue());
            Set<String> mounts = new HashSet<>();
            container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
            for (String fileVariable : new String[]{"JWT_PUBLIC_KEY_LOCATION", "SERVICE_TOKEN_FILE", "ACCOUNT_KEYS_DIR", "ACCOUNT_HOLDERS_FILE"}) {
                if (env.containsKey(fileVariable)) {
                    String file = env.get(fileVariable);
                    assertThat(mounts).as(service + " " + fileVariable + " " + file)
                            .anySatisfy(m -> assertThat(file.equals(m) || file.startsWith(m + "/")).isTrue());
                }
            }
            if (env.containsKey("INCIDENT_SERVICE_URL")) {
                URI url = URI.create(env.get("INCIDENT_SERVICE_URL"));
                assertThat(url.getHost()).isEqualTo("incident-service");
                assertThat(url.getPort()).isEqualTo(rendered.get("Service", "incident-service").path("spec").path("ports").get(0).path("port").asInt());
            }

            String image = container.path("image").asText();
            assertThat(image).endsWith("outage-compensation/" + service + ":" + (overlay.equals("dev")
                    ? System.getProperty("suite.version") : image.substring(image.lastIndexOf(':') + 1)));
            assertThat(Overlay.ROOT.resolve(service).resolve("src/main/docker/Dockerfile.native-micro")).exists();
            assertThat(Overlay.ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm")).exists();
        }
    }

    private static final String ID = "6f1c1d3e-2022-4f15-9519-000000001015";
    /** Requests the internet must reach, and the service that answers each. */
    private static final Map<String, String> PUBLIC = Map.ofEntries(
            Map.entry("/api/v1/incidents", "incident-service"),
            Map.entry("/api/v1/incidents/" + ID, "incident-service"),
            Map.entry("/api/v1/incidents/" + ID + "/timeline", "incident-service"),
            Map.entry("/api/v1/incidents/" + ID + "/impact", "incident-service"),
            Map.entry("/api/v1/incidents/" + ID + "/impact/check", "incident-service"),
            Map.entry("/status", "incident-service"),
            Map.entry("/status/incidents/" + ID, "incident-service"),
            Map.entry("/api/v1/public/compensations", "entitlement-service"),
            Map.entry("/api/v1/public/compensations/verify", "entitlement-service"),
            Map.entry("/compensations/verify", "entitlement-service"),
            Map.entry("/api/v1/users/subscriber-1/entitlements", "entitlement-service"),
            Map.entry("/api/v1/campaigns/" + ID + "/claims", "entitlement-service"),
            Map.entry("/api/v1/stores/apple/notifications", "entitlement-service"),
            Map.entry("/console/login", "entitlement-service"),
            Map.entry("/console/logout", "entitlement-service"),
            Map.entry("/console/campaigns", "entitlement-service"),
            Map.entry("/console/campaigns/" + ID, "entitlement-service"),
            Map.entry("/api/v1/programs/" + ID, "payout-service"),
            Map.entry("/api/v1/programs/" + ID + "/claims", "payout-service"),
            Map.entry("/api/v1/programs/" + ID + "/stats", "payout-service"),
            Map.entry("/api/v1/claims/" + ID, "payout-service"),
            Map.entry("/api/v1/claims/" + ID + "/evidence", "payout-service"),
            Map.entry("/api/v1/claims/" + ID + "/bank-account", "payout-service"),
            Map.entry("/console/reviews", "payout-service"),
            Map.entry("/console/reviews/" + ID, "payout-service"),
            Map.entry("/console/payout/login", "payout-service"),
            Map.entry("/console/payout/logout", "payout-service"));
    /** Operators' and the platform's paths, which stay inside the cluster. */
    private static final List<String> INTERNAL = List.of(
            "/api/v1/programs", "/api/v1/programs/" + ID + "/payout-batches", "/api/v1/programs/" + ID + "/baselines",
            "/api/v1/programs/" + ID + "/baselines/unclaimed", "/api/v1/programs/" + ID + "/budget",
            "/api/v1/programs/" + ID + "/claims/review-queue", "/api/v1/claims/" + ID + "/review",
            "/api/v1/claims/" + ID + "/decisions", "/api/v1/payout-batches/" + ID,
            "/api/v1/payout-batches/" + ID + "/transfers.csv", "/api/v1/payout-batches/" + ID + "/settlement",
            "/api/v1/operations/account-key-rotation", "/console/batches", "/console/payout",
            "/console/payout/batches", "/console/batches/" + ID,
            "/api/v1/campaigns", "/api/v1/campaigns/" + ID, "/api/v1/campaigns/" + ID + "/publish",
            "/api/v1/campaigns/" + ID + "/runs", "/api/v1/campaigns/" + ID + "/rollback", "/api/v1/campaigns/" + ID + "/preview",
            "/api/v1/subscriptions", "/api/v1/subscriptions/import", "/api/v1/accounts/import",
            "/api/v1/incidents/" + ID + "/updates", "/api/v1/incidents/" + ID + "/audit",
            "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/index.html", "/q/metrics", "/q/health/ready",
            "/api/v1/public/compensations/verify/../../../q/metrics", "/status/../q/metrics");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressLetsThroughThePublicRequestsOnlyEachToItsService(String overlay) {
        JsonNode ingress = Overlay.render(overlay).ofKind("Ingress").get(0);
        List<JsonNode> paths = ingress.findValues("paths").stream().flatMap(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false)).toList();
        java.util.function.Function<String, List<String>> routedTo = request -> paths.stream()
                .filter(p -> Pattern.compile(p.path("path").asText(), Pattern.CASE_INSENSITIVE).matcher(request).lookingAt())
                .map(p -> p.path("backend").path("service").path("name").asText()).toList();
        PUBLIC.forEach((request, service) -> assertThat(routedTo.apply(request)).as(overlay + ": " + request).containsOnly(service).isNotEmpty());
        INTERNAL.forEach(request -> assertThat(routedTo.apply(request)).as(overlay + ": " + request + " stays inside").isEmpty());
        assertThat(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/proxy-body-size").asText()).isEqualTo("1m");
        assertThat(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/limit-rps").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressAndNetworkPoliciesPointAtWhatExists(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        JsonNode ingress = rendered.ofKind("Ingress").get(0);
        ingress.path("spec").path("rules").forEach(rule -> rule.path("http").path("paths").forEach(path -> {
            JsonNode backend = path.path("backend").path("service");
            JsonNode service = rendered.get("Service", backend.path("name").asText());
            assertThat(service.path("spec").path("ports").findValuesAsText("name")).contains(backend.path("port").path("name").asText());
            // the path is anchored, and lets through a public request the backend service actually serves
            // (under a resource class's @Path), not a neighbour's
            String route = path.path("path").asText();
            assertThat(route).as(overlay + ": " + route + " is anchored").endsWith("$");
            assertThat(path.path("pathType").asText()).isEqualTo("ImplementationSpecific");
            List<String> served = resourcePaths(backend.path("name").asText());
            List<String> samples = PUBLIC.entrySet().stream().filter(e -> e.getValue().equals(backend.path("name").asText()))
                    .map(Map.Entry::getKey).filter(sample -> Pattern.compile(route, Pattern.CASE_INSENSITIVE).matcher(sample).lookingAt()).toList();
            assertThat(samples).as(overlay + ": " + route + " lets through a public request of " + backend.path("name").asText()).isNotEmpty();
            assertThat(samples).allSatisfy(sample -> assertThat(served).as(sample).anyMatch(p -> sample.startsWith(p.replaceAll("\\{[^}]+}", ""))
                    || sample.matches(p.replaceAll("\\{[^}]+}", "[^/]+") + "(/.*)?")));
        }));
        assertThat(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/use-regex").asText()).isEqualTo("true");
        Set<String> podNames = rendered.documents().stream()
                .filter(d -> Set.of("Deployment", "StatefulSet").contains(d.path("kind").asText()))
                .map(d -> d.path("spec").path("template").path("metadata").path("labels").path("app.kubernetes.io/name").asText())
                .collect(Collectors.toSet());
        List<JsonNode> podLabels = rendered.documents().stream()
                .filter(d -> Set.of("Deployment", "StatefulSet").contains(d.path("kind").asText()))
                .map(d -> d.path("spec").path("template").path("metadata").path("labels")).toList();
        for (JsonNode policy : rendered.ofKind("NetworkPolicy")) {
            // the policy applies to some pod: its podSelector's labels are on a pod template (empty: all pods)
            JsonNode selector = policy.path("spec").path("podSelector").path("matchLabels");
            assertThat(podLabels).as(overlay + ": " + policy.path("metadata").path("name").asText() + " applies to a pod")
                    .anySatisfy(labels -> selector.fields().forEachRemaining(l ->
                            assertThat(labels.path(l.getKey()).asText()).isEqualTo(l.getValue().asText())));
            // a peer in another namespace (the bank gateway in "payments") is not one of these manifests' pods
            Set<String> inOtherNamespaces = new java.util.HashSet<>();
            for (JsonNode peer : policy.findParents("namespaceSelector")) {
                JsonNode name = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name");
                if (name.isTextual()) {
                    inOtherNamespaces.add(name.asText());
                }
            }
            policy.findValues("app.kubernetes.io/name").forEach(name -> {
                if (name.isTextual()) {
                    boolean external = (name.asText().equals("postgres") && overlay.equals("prod"))
                            || inOtherNamespaces.contains(name.asText());
                    assertThat(external || podNames.contains(name.asText()))
                            .as(overlay + ": " + policy.path("metadata").path("name").asText() + " selects " + name).isTrue();
                }
            });
        }
    }

    @Test
    void devUsesTheDevelopmentKeyAndProdCommitsNoSecret() throws IOException {
        assertThat(Files.readString(Overlay.ROOT.resolve("k8s/overlays/dev/dev-jwt-public.pem")))
                .isEqualTo(Files.readString(Overlay.ROOT.resolve("dev-keys/dev-jwt-public.pem")));
        assertThat(Files.readString(Overlay.ROOT.resolve("k8s/overlays/dev/dev-account-2026-11.key")))
                .isEqualTo(Files.readString(Overlay.ROOT.resolve("dev-keys/account-keys/dev-2026-11.key")));
        assertThat(Files.readString(Overlay.ROOT.resolve("k8s/overlays/dev/dev-account-hash.key")))
                .isEqualTo(Files.readString(Overlay.ROOT.resolve("dev-keys/account-keys/hash.key")));
        assertThat(Overlay.render("prod").ofKind("Secret")).isEmpty();
        assertThat(Overlay.render("dev").findGenerated("Secret", "suite-db-credentials")).isPresent();
    }

    /** The class-level {@code @Path}s of a service's REST resources and pages, read from its sources. */
    private static List<String> resourcePaths(String service) {
        Pattern classPath = Pattern.compile("@Path\\(\"(/[^\"]*)\"\\)\\s*(?:@[^\\n]*\\s*)*public class");
        try (var files = Files.walk(Overlay.ROOT.resolve(service + "/src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return classPath.matcher(Files.readString(f)).results().map(m -> m.group(1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the container sees: the ConfigMaps it takes whole, then its own env entries. */
    private static Map<String, String> environment(Overlay rendered, JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("envFrom").forEach(from -> {
            JsonNode data = rendered.get("ConfigMap", from.path("configMapRef").path("name").asText()).path("data");
            data.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        });
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText("(from a secret)")));
        return env;
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Overlay.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> variablesRead(Properties config) {
        Set<String> names = new HashSet<>();
        config.values().forEach(v -> {
            Matcher m = ENV_REFERENCE.matcher(v.toString());
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        return names;
    }

    /** Variables referenced as ${NAME} with no default in a property that applies in production. */
    private static Set<String> variablesWithoutDefault(Properties config) {
        Set<String> names = new HashSet<>();
        config.forEach((key, value) -> {
            if (key.toString().startsWith("%")) {
                return;
            }
            Matcher m = ENV_REFERENCE.matcher(value.toString());
            while (m.find()) {
                if (m.group(2).isEmpty()) {
                    names.add(m.group(1));
                }
            }
        });
        return names;
    }

    /** QUARKUS_HTTP_PORT and the like: Quarkus's own mapping of a property the service sets. */
    private static boolean quarkusProperty(String variable, Properties config) {
        if (variable.equals("QUARKUS_PROFILE")) {
            // read by Quarkus itself at start, never written in application.properties
            return true;
        }
        if (!variable.startsWith("QUARKUS_")) {
            return false;
        }
        String property = variable.toLowerCase().replace('_', '.');
        return config.stringPropertyNames().stream().anyMatch(k -> k.replace('-', '.').equals(property));
    }
}
