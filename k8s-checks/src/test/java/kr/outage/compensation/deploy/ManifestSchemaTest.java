package kr.outage.compensation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every manifest of every overlay, as rendered, is valid against the Kubernetes API model. */
class ManifestSchemaTest {

    @BeforeAll
    static void kubectlRendersTheOverlays() {
        // CI validates what is deployed, so there kubectl must be present
        assumeTrue(Overlay.kubectlPresent() || "true".equals(System.getenv("CI")),
                "kubectl is not installed: the overlays cannot be rendered here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedManifestMatchesTheApiWithNoUnknownField(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        assertThat(rendered.documents()).hasSizeGreaterThan(20);
        List<String> problems = rendered.documents().stream().flatMap(d -> StrictModel.problems(d).stream()).toList();
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasWhatOperatorsNeed(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        for (String service : Overlay.SERVICES) {
            for (String kind : List.of("Deployment", "Service", "ConfigMap", "ServiceAccount", "PodDisruptionBudget",
                    "HorizontalPodAutoscaler")) {
                assertThat(rendered.find(kind, service)).as(overlay + ": " + kind + " " + service).isPresent();
            }
        }
        assertThat(rendered.find("NetworkPolicy", "default-deny-all")).isPresent();
        assertThat(rendered.ofKind("Ingress")).hasSize(1);
    }

    @Test
    void theCheckRefusesAMisspeltFieldAndAWrongType() throws Exception {
        JsonNode misspelt = Overlay.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
                """).get(0);
        assertThat(StrictModel.problems(misspelt)).singleElement().asString()
                .contains("containers[0]").contains("readinesProbe");

        JsonNode wrongType = Overlay.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: two
                """).get(0);
        assertThat(StrictModel.problems(wrongType)).singleElement().asString().contains("does not match the API model");

        JsonNode unknownKind = Overlay.parse("""
                apiVersion: apps/v1
                kind: Deploymnet
                metadata: {name: x}
                """).get(0);
        assertThat(StrictModel.problems(unknownKind)).singleElement().asString().contains("not a kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsAreLockedDown(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        for (JsonNode workload : rendered.documents().stream()
                .filter(d -> Set.of("Deployment", "StatefulSet").contains(d.path("kind").asText())).toList()) {
            String name = workload.path("metadata").path("name").asText();
            JsonNode pod = workload.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).as(name).isEqualTo("RuntimeDefault");
            for (JsonNode container : pod.path("containers")) {
                JsonNode sc = container.path("securityContext");
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
                assertThat(sc.path("capabilities").path("drop").toString()).as(name).contains("ALL");
                assertThat(container.path("resources").path("requests").has("memory")).as(name).isTrue();
                assertThat(container.path("resources").path("limits").has("memory")).as(name).isTrue();
                if (!name.endsWith("-service")) {
                    continue; // the dev overlay's PostgreSQL
                }
                // the JVM image: 460 MiB resident measured under load, heap capped at 75 % of the limit
                assertThat(mebibytes(container.path("resources").path("requests").path("memory").asText())).as(name)
                        .isGreaterThanOrEqualTo(512);
                assertThat(mebibytes(container.path("resources").path("limits").path("memory").asText())).as(name)
                        .isGreaterThanOrEqualTo(1024);
            }
        }
    }

    /** A Kubernetes memory quantity in MiB (Mi and Gi, the forms the manifests use). */
    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        throw new AssertionError("unexpected memory quantity " + quantity);
    }
}
