package kr.outage.compensation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The opt-in monitoring component (k8s/components/monitoring) added to the dev overlay: it renders,
 * its PodMonitor scrapes every service where it serves its metrics, every alert has a severity, a
 * summary and a runbook that exists in docs/operations.md, and every metric the alerts and the
 * dashboard use is listed with its owner in metric-owners.tsv (whose metrics each service's
 * AlertMetricsTest finds on its own /q/metrics). promtool checks the expressions themselves
 * (bin/check-alert-rules, in CI).
 */
class MonitoringComponentTest {

    static final Path COMPONENT = Overlay.ROOT.resolve("k8s/components/monitoring");
    static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "inf", "nan");
    static Overlay rendered;

    @BeforeAll
    static void renderDevWithTheComponent() throws IOException {
        assumeTrue(Overlay.kubectlPresent() || "true".equals(System.getenv("CI")),
                "kubectl is not installed: the component cannot be rendered here");
        Path dir = Overlay.ROOT.resolve("k8s-checks/target/dev-with-monitoring");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../../../k8s/overlays/dev
                components:
                  - ../../../k8s/components/monitoring
                """);
        rendered = Overlay.render("dev+monitoring", dir);
    }

    @Test
    void thePodMonitorScrapesEveryServiceOnItsMetricsPort() {
        JsonNode monitor = rendered.get("PodMonitor", "outage-compensation-suite");
        JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").get(0);
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        for (String service : Overlay.SERVICES) {
            JsonNode pod = rendered.get("Deployment", service).path("spec").path("template");
            monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label ->
                    assertThat(pod.path("metadata").path("labels").path(label.getKey()).asText())
                            .as(service + " pod label " + label.getKey()).isEqualTo(label.getValue().asText()));
            List<String> ports = pod.path("spec").path("containers").get(0).path("ports").findValuesAsText("name");
            assertThat(ports).as(service + " names the port the PodMonitor scrapes").contains(endpoint.path("port").asText());
        }
    }

    @Test
    void everyAlertHasSeverityServiceSummaryAndARunbookThatExists() throws IOException {
        String operations = Files.readString(Overlay.ROOT.resolve("docs/operations.md"));
        List<JsonNode> alerts = alerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(8);
        for (JsonNode rule : alerts) {
            String name = rule.path("alert").asText();
            assertThat(rule.path("labels").path("severity").asText()).as(name).isIn("warning", "critical");
            assertThat(rule.path("labels").path("service").asText()).as(name)
                    .isIn("suite", "incident-service", "entitlement-service", "payout-service");
            assertThat(rule.path("annotations").path("summary").asText()).as(name).isNotBlank();
            String runbook = rule.path("annotations").path("runbook").asText();
            assertThat(runbook).as(name).isEqualTo("docs/operations.md#alert-" + name.toLowerCase());
            assertThat(operations).as(name + "'s runbook").contains("<a id=\"alert-" + name.toLowerCase() + "\"></a>");
        }
    }

    @Test
    void theDashboardLoadsWhereGrafanaLooksAndItsMetricsAreKnown() throws IOException {
        JsonNode map = rendered.get("ConfigMap", "outage-compensation-dashboard");
        assertThat(map.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = new ObjectMapper().readTree(map.path("data").path("outage-compensation-suite.json").asText());
        assertThat(dashboard.path("uid").asText()).isEqualTo("outage-compensation-suite");
        List<String> expressions = dashboard.findValuesAsText("expr");
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        Map<String, String> owners = owners();
        for (String expr : expressions) {
            assertThat(owners.keySet()).as("metrics of dashboard query " + expr).containsAll(metricNames(expr));
        }
    }

    @Test
    void everyMetricTheAlertsUseHasAnOwnerThatExportsIt() throws IOException {
        Map<String, String> owners = owners();
        Set<String> used = new TreeSet<>();
        for (JsonNode rule : alerts()) {
            Set<String> names = metricNames(rule.path("expr").asText());
            assertThat(names).as(rule.path("alert").asText() + " uses a metric").isNotEmpty();
            used.addAll(names);
        }
        assertThat(owners.keySet()).as("metric-owners.tsv").containsAll(used);
        owners.values().forEach(o -> assertThat(o.split(",")).allSatisfy(service ->
                assertThat(service).isIn("incident-service", "entitlement-service", "payout-service", "kube-state-metrics")));
    }

    @Test
    void metricNamesAreReadFromExpressionsNotFromLabelsOrFunctions() {
        assertThat(metricNames("sum by (app_kubernetes_io_name) (rate(http_server_requests_seconds_count{status=~\"5..\", "
                + "uri=\"/a/{id}\"}[5m])) / on () group_left max(campaign_runs_active) > 2 * 86400 or vector(0)"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "campaign_runs_active");
    }

    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(s);
        while (m.find()) {
            String rest = s.substring(m.end()).stripLeading();
            boolean function = rest.startsWith("(");
            if (!function && !PROMQL_WORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static List<JsonNode> alerts() {
        JsonNode rule = rendered.get("PrometheusRule", "outage-compensation-suite");
        return rule.path("spec").path("groups").findValues("rules").stream()
                .flatMap(rules -> java.util.stream.StreamSupport.stream(rules.spliterator(), false))
                .filter(r -> r.has("alert")).toList();
    }

    private static Map<String, String> owners() throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(COMPONENT.resolve("metric-owners.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t");
                out.put(f[0], f[1]);
            }
        }
        return out;
    }
}
