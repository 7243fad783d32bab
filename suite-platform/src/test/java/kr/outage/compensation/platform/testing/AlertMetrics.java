package kr.outage.compensation.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics the alert rules and the Grafana dashboard of {@code k8s/components/monitoring} rely on,
 * checked against what a running service really exports on {@code /q/metrics}: an alert on a metric
 * nobody exports never fires. Which service owns which metric is in that directory's
 * {@code metric-owners.tsv}.
 */
public final class AlertMetrics {

    static final Path OWNERS = Path.of("k8s", "components", "monitoring", "metric-owners.tsv");

    private AlertMetrics() {
    }

    /** The metric names {@code service} must export, from metric-owners.tsv. */
    public static Set<String> ownedBy(String service) {
        return read().stream().filter(line -> Arrays.asList(line[1].split(",")).contains(service))
                .map(line -> line[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Fails unless every metric {@code service} owns appears in the Prometheus text {@code scrape}. */
    public static void assertExported(String service, String scrape) {
        Set<String> exported = scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> owned = ownedBy(service);
        assertThat(owned).as("metric-owners.tsv lists metrics for " + service).isNotEmpty();
        assertThat(exported).as(service + " exports what the alert rules and the dashboard use").containsAll(owned);
    }

    private static List<String[]> read() {
        Path file = suiteRoot().resolve(OWNERS);
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout's root: the nearest directory up from here that holds the monitoring component. */
    static Path suiteRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(OWNERS))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + OWNERS + " above " + Path.of("").toAbsolutePath());
    }
}
