package kr.outage.compensation.incident.page;

import kr.outage.compensation.incident.domain.ComponentKey;
import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.IncidentImpact;
import kr.outage.compensation.incident.domain.Platform;
import kr.outage.compensation.incident.domain.StateTimeline;
import kr.outage.compensation.incident.domain.Window;
import kr.outage.compensation.incident.service.IncidentSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The picture of an incident's timeline as the status page draws it: one block per service, in it a
 * row per platform (the service as a user on that platform saw it) and a row per function, each with
 * bars for its non-operational windows placed in percent of the chart's time span.
 *
 * <p>A function whose timeline is the same on every platform gets one row marked "all platforms",
 * which keeps an incident with dozens of services readable; where the platforms differ (the
 * mobile-only outage), each platform gets its own row.
 */
public record TimelineChart(Instant start, Instant end, List<Tick> ticks, List<ServiceBlock> services) {

    /** Axis steps a tick may take, smallest first; the first giving at most {@link #MAX_TICKS} ticks is used. */
    private static final List<Duration> TICK_STEPS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30));
    private static final int MAX_TICKS = 12;

    public record Tick(double x, Instant at) {
    }

    public record Bar(double x, double width, ComponentState state, Instant from, Instant to, Duration duration) {

        public String stateClass() {
            return state.wireName();
        }
    }

    /** {@code function} is null for the service as a whole; {@code platform} is null for a row identical on every platform. */
    public record Row(String function, Platform platform, List<Bar> bars) {

        public boolean isServiceRow() {
            return function == null;
        }
    }

    public record ServiceBlock(String service, String name, Duration impaired, ComponentState worst,
                               List<Row> platformRows, List<Row> functionRows) {
    }

    static TimelineChart of(IncidentSnapshot snapshot, Instant asOf) {
        IncidentImpact impact = snapshot.impact();
        ComponentState threshold = IncidentImpact.DEFAULT_THRESHOLD;
        Instant first = impact.components().values().stream()
                .flatMap(t -> t.stateWindows().stream()).map(Window::from)
                .min(Instant::compareTo).orElse(snapshot.incident().startedAt());
        Instant last = impact.components().values().stream()
                .flatMap(t -> t.stateWindows().stream()).map(w -> w.to() == null ? asOf : w.to())
                .max(Instant::compareTo).orElse(asOf);
        Instant start = first.truncatedTo(ChronoUnit.HOURS);
        Instant end = last.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Axis axis = new Axis(start, end, asOf);

        List<ServiceBlock> blocks = new ArrayList<>();
        for (String service : impact.services()) {
            IncidentSnapshot.DeclaredService declared = snapshot.declaredServices().get(service);
            List<Row> platformRows = platformRows(impact, service, axis);
            StateTimeline any = impact.service(service, Platform.ALL);
            ComponentState worst = any.stateWindows().stream().map(Window::state)
                    .max(Enum::compareTo).orElse(ComponentState.OPERATIONAL);
            blocks.add(new ServiceBlock(service, declared == null || declared.displayName() == null ? service : declared.displayName(),
                    any.impairedTime(threshold, asOf), worst, platformRows, functionRows(impact, service, axis)));
        }
        return new TimelineChart(start, end, axis.ticks(), blocks);
    }

    /** The service as users on each platform saw it; one row when every platform saw the same. */
    private static List<Row> platformRows(IncidentImpact impact, String service, Axis axis) {
        List<StateTimeline> timelines = Platform.CONCRETE.stream().map(p -> impact.service(service, p)).toList();
        if (timelines.stream().distinct().count() == 1) {
            return List.of(new Row(null, null, axis.bars(timelines.get(0).stateWindows())));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < timelines.size(); i++) {
            rows.add(new Row(null, Platform.CONCRETE.get(i), axis.bars(timelines.get(i).stateWindows())));
        }
        return rows;
    }

    private static List<Row> functionRows(IncidentImpact impact, String service, Axis axis) {
        Map<String, Map<Platform, StateTimeline>> byFunction = new LinkedHashMap<>();
        for (Map.Entry<ComponentKey, StateTimeline> component : impact.components().entrySet()) {
            ComponentKey key = component.getKey();
            if (key.service().equals(service) && key.function() != null) {
                byFunction.computeIfAbsent(key.function(), f -> new LinkedHashMap<>()).put(key.platform(), component.getValue());
            }
        }
        List<Row> rows = new ArrayList<>();
        byFunction.forEach((function, timelines) -> {
            boolean samePlatforms = timelines.size() == Platform.CONCRETE.size()
                    && timelines.values().stream().distinct().count() == 1;
            if (samePlatforms) {
                rows.add(new Row(function, null, axis.bars(timelines.values().iterator().next().stateWindows())));
            } else {
                timelines.forEach((platform, timeline) -> rows.add(new Row(function, platform, axis.bars(timeline.stateWindows()))));
            }
        });
        return rows;
    }

    /** Maps instants onto 0..100 percent of the chart's width. */
    private record Axis(Instant start, Instant end, Instant asOf) {

        double x(Instant at) {
            double span = Duration.between(start, end).toMillis();
            return Math.round(Duration.between(start, at).toMillis() / span * 100_000) / 1000.0;
        }

        List<Bar> bars(List<Window> windows) {
            return windows.stream().map(w -> {
                Instant to = w.to() == null ? asOf : w.to();
                double x = x(w.from());
                // a window of a few minutes in a week-long chart still gets a visible sliver
                double width = Math.max(x(to) - x, 0.15);
                return new Bar(x, width, w.state(), w.from(), w.to(), w.duration(asOf));
            }).toList();
        }

        List<Tick> ticks() {
            Duration span = Duration.between(start, end);
            Duration step = TICK_STEPS.stream().filter(s -> span.dividedBy(s) <= MAX_TICKS)
                    .findFirst().orElse(TICK_STEPS.get(TICK_STEPS.size() - 1));
            List<Tick> ticks = new ArrayList<>();
            // ticks on whole steps of Korean local time (midnight KST is 15:00 UTC)
            long stepSeconds = step.toSeconds();
            long offset = KstFormat.ZONE.getRules().getOffset(start).getTotalSeconds();
            long firstLocal = Math.floorDiv(start.getEpochSecond() + offset + stepSeconds - 1, stepSeconds) * stepSeconds;
            for (Instant at = Instant.ofEpochSecond(firstLocal - offset); !at.isAfter(end); at = at.plus(step)) {
                ticks.add(new Tick(x(at), at));
            }
            return ticks;
        }
    }
}
