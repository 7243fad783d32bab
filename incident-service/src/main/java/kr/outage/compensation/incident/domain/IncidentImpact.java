package kr.outage.compensation.incident.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The computed impact of one incident: a state timeline per component, per service and platform
 * (the worst of its functions there), per service across platforms, and for the incident as a
 * whole. What counts as "impaired" is a threshold chosen by the caller, so the same computation
 * answers both the strict reading (partial or major outage) and the lenient one (degraded too).
 */
public final class IncidentImpact {

    /** The default: a service is impaired while any function is in partial or major outage. */
    public static final ComponentState DEFAULT_THRESHOLD = ComponentState.PARTIAL_OUTAGE;

    private final Map<ComponentKey, StateTimeline> components;
    private final Map<String, Map<Platform, StateTimeline>> services;
    private final StateTimeline incidentWide;

    private IncidentImpact(Map<ComponentKey, StateTimeline> components,
                           Map<String, Map<Platform, StateTimeline>> services,
                           StateTimeline incidentWide) {
        this.components = components;
        this.services = services;
        this.incidentWide = incidentWide;
    }

    static IncidentImpact fromComponents(Map<ComponentKey, StateTimeline> components) {
        Map<String, Map<Platform, List<StateTimeline>>> byServicePlatform = new TreeMap<>();
        components.forEach((key, timeline) -> byServicePlatform
                .computeIfAbsent(key.service(), s -> new TreeMap<>())
                .computeIfAbsent(key.platform(), p -> new ArrayList<>())
                .add(timeline));
        Map<String, Map<Platform, StateTimeline>> services = new TreeMap<>();
        List<StateTimeline> serviceWide = new ArrayList<>();
        byServicePlatform.forEach((service, platforms) -> {
            Map<Platform, StateTimeline> perPlatform = new TreeMap<>();
            platforms.forEach((platform, fns) -> perPlatform.put(platform, StateTimeline.worstOf(fns)));
            StateTimeline all = StateTimeline.worstOf(perPlatform.values());
            perPlatform.put(Platform.ALL, all);
            services.put(service, Collections.unmodifiableMap(perPlatform));
            serviceWide.add(all);
        });
        return new IncidentImpact(Collections.unmodifiableMap(components), Collections.unmodifiableMap(services),
                StateTimeline.worstOf(serviceWide));
    }

    public Map<ComponentKey, StateTimeline> components() {
        return components;
    }

    public List<String> services() {
        return List.copyOf(services.keySet());
    }

    public boolean knowsService(String service) {
        return services.containsKey(service);
    }

    /** The worst-of-functions timeline of a service on a platform ({@link Platform#ALL}: any platform). */
    public StateTimeline service(String service, Platform platform) {
        Map<Platform, StateTimeline> perPlatform = services.get(service);
        return perPlatform == null ? StateTimeline.ALWAYS_OPERATIONAL
                : perPlatform.getOrDefault(platform, StateTimeline.ALWAYS_OPERATIONAL);
    }

    public StateTimeline incidentWide() {
        return incidentWide;
    }

    /**
     * First impairment, last recovery (null while ongoing or when nothing was ever impaired), whether
     * something is still impaired, and the span between them (to {@code asOf} while ongoing): the
     * incident's headline figures, all read from one pass over the incident-wide windows.
     */
    public record Summary(Instant firstImpairment, Instant lastRecovery, boolean ongoing, Duration span) {
    }

    public Summary summary(ComponentState threshold, Instant asOf) {
        List<Window> windows = incidentWide.impairedWindows(threshold);
        if (windows.isEmpty()) {
            return new Summary(null, null, false, Duration.ZERO);
        }
        Instant first = windows.get(0).from();
        Window last = windows.get(windows.size() - 1);
        Instant end = last.isOpen() ? asOf : last.to();
        return new Summary(first, last.to(), last.isOpen(), end.isAfter(first) ? Duration.between(first, end) : Duration.ZERO);
    }

    public Optional<Instant> firstImpairment(ComponentState threshold) {
        return Optional.ofNullable(summary(threshold, Instant.MAX).firstImpairment());
    }

    /** The last recovery, empty while something is still impaired or nothing ever was. */
    public Optional<Instant> lastRecovery(ComponentState threshold) {
        return Optional.ofNullable(summary(threshold, Instant.MAX).lastRecovery());
    }

    public boolean isOngoing(ComponentState threshold) {
        return summary(threshold, Instant.MAX).ongoing();
    }

    /** First impairment to last recovery (or to {@code asOf} while ongoing): the incident's headline duration. */
    public Duration span(ComponentState threshold, Instant asOf) {
        return summary(threshold, asOf).span();
    }
}
