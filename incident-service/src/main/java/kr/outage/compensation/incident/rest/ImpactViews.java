package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.domain.ComponentKey;
import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.IncidentImpact;
import kr.outage.compensation.incident.domain.Platform;
import kr.outage.compensation.incident.domain.StateTimeline;
import kr.outage.compensation.incident.domain.Window;
import kr.outage.compensation.incident.service.IncidentSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shapes a computed {@link IncidentImpact} into the JSON views of the API. */
final class ImpactViews {

    private ImpactViews() {
    }

    static ImpactView impact(IncidentSnapshot snapshot, Optional<String> serviceFilter, Platform platformFilter,
                             ComponentState threshold, Instant asOf) {
        IncidentImpact impact = snapshot.impact();
        List<ImpactView.ServiceImpact> services = new ArrayList<>();
        for (String service : impact.services()) {
            if (serviceFilter.isPresent() && !serviceFilter.get().equals(service)) {
                continue;
            }
            List<ImpactView.PlatformImpact> platforms = new ArrayList<>();
            for (Platform platform : platformFilter.expand()) {
                List<Window> impaired = impact.service(service, platform).impairedWindows(threshold);
                Duration total = Window.total(impaired, asOf);
                platforms.add(new ImpactView.PlatformImpact(platform, total.toString(), total.toSeconds(),
                        windows(impaired, asOf)));
            }
            List<ImpactView.FunctionImpact> functions = new ArrayList<>();
            for (Map.Entry<ComponentKey, StateTimeline> component : impact.components().entrySet()) {
                ComponentKey key = component.getKey();
                if (key.service().equals(service) && platformFilter.expand().contains(key.platform())) {
                    List<Window> windows = component.getValue().stateWindows();
                    if (!windows.isEmpty()) {
                        functions.add(new ImpactView.FunctionImpact(key.function(), key.platform(), windows(windows, asOf)));
                    }
                }
            }
            Duration serviceTotal = impact.service(service, platformFilter).impairedTime(threshold, asOf);
            services.add(new ImpactView.ServiceImpact(service, serviceTotal.toString(), serviceTotal.toSeconds(),
                    platforms, functions));
        }
        IncidentImpact.Summary summary = impact.summary(threshold, asOf);
        return new ImpactView(snapshot.incident().id(), snapshot.incident().revision(), asOf, threshold,
                summary.firstImpairment(), summary.lastRecovery(), summary.ongoing(), summary.span().toString(),
                summary.span().toSeconds(), services);
    }

    static ImpactCheckView check(IncidentSnapshot snapshot, String service, Platform platform, Optional<Instant> at,
                                 ComponentState threshold, Instant asOf) {
        IncidentImpact impact = snapshot.impact();
        StateTimeline timeline = impact.service(service, platform);
        List<Window> impaired = timeline.impairedWindows(threshold);
        Duration total = Window.total(impaired, asOf);
        ComponentState stateAt = at.map(timeline::stateAt).orElse(null);
        List<String> impairedFunctions = at.map(t -> impairedFunctionsAt(impact, service, platform, t, threshold)).orElse(null);
        return new ImpactCheckView(snapshot.incident().id(), service, platform, at.orElse(null),
                impact.knowsService(service), stateAt == null ? null : stateAt.atLeast(threshold), stateAt,
                impairedFunctions, threshold, !impaired.isEmpty(), total.toString(), total.toSeconds(),
                windows(impaired, asOf), snapshot.incident().revision());
    }

    static IncidentView incident(IncidentSnapshot snapshot, Instant asOf) {
        IncidentSnapshot.Incident i = snapshot.incident();
        IncidentImpact impact = snapshot.impact();
        ComponentState threshold = IncidentImpact.DEFAULT_THRESHOLD;
        List<IncidentView.ServiceState> services = new ArrayList<>();
        for (String service : impact.services()) {
            Map<Platform, ComponentState> byPlatform = new EnumMap<>(Platform.class);
            Platform.CONCRETE.forEach(p -> byPlatform.put(p, impact.service(service, p).stateAt(asOf)));
            StateTimeline anyPlatform = impact.service(service, Platform.ALL);
            Duration impaired = anyPlatform.impairedTime(threshold, asOf);
            IncidentSnapshot.DeclaredService declared = snapshot.declaredServices().get(service);
            List<String> functions = impact.components().keySet().stream()
                    .filter(k -> k.service().equals(service) && k.function() != null)
                    .map(ComponentKey::function).distinct().toList();
            services.add(new IncidentView.ServiceState(service, declared == null ? null : declared.displayName(),
                    functions, anyPlatform.stateAt(asOf), byPlatform,
                    impaired.toString(), impaired.toSeconds()));
        }
        IncidentImpact.Summary headline = impact.summary(threshold, asOf);
        IncidentView.Summary summary = new IncidentView.Summary(threshold, headline.firstImpairment(),
                headline.lastRecovery(), headline.ongoing(), headline.span().toString(), headline.span().toSeconds());
        return new IncidentView(i.id(), i.title(), i.cause(), i.severity(), i.status(), i.startedAt(), i.detectedAt(),
                i.resolvedAt(), i.reopenCount(), i.revision(), i.createdAt(), summary, services);
    }

    private static List<String> impairedFunctionsAt(IncidentImpact impact, String service, Platform platform,
                                                    Instant at, ComponentState threshold) {
        return impact.components().entrySet().stream()
                .filter(e -> e.getKey().service().equals(service) && platform.expand().contains(e.getKey().platform()))
                .filter(e -> e.getValue().stateAt(at).atLeast(threshold))
                .map(e -> e.getKey().function() == null ? service : e.getKey().function())
                .distinct()
                .toList();
    }

    private static List<WindowView> windows(List<Window> windows, Instant asOf) {
        return windows.stream().map(w -> WindowView.of(w, asOf)).toList();
    }
}
