package kr.outage.compensation.incident.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the effective timeline facts of an incident into per-component state timelines.
 *
 * <p>The result depends only on the set of facts, never on the order they were recorded in: all
 * statements are sorted by (instant, specificity, severity) and applied in that order, so for one
 * component at one instant the most specific statement wins, and among equally specific ones the
 * worse state (the conservative reading when two reports disagree).
 *
 * <p>A statement without a function applies to every function the service is known to have: the
 * declared ones plus every one any fact mentions. A service with no functions at all is tracked as
 * a whole ({@code function == null}).
 */
public final class ImpactCalculator {

    private static final Comparator<Event> EVENT_ORDER = Comparator
            .comparing(Event::at)
            .thenComparingInt(Event::specificity)
            .thenComparing(Event::state);

    private ImpactCalculator() {
    }

    public static IncidentImpact compute(Map<String, ? extends Collection<String>> declaredFunctions,
                                         Collection<TimelineFact> facts) {
        Map<String, Set<String>> functions = knownFunctions(declaredFunctions, facts);
        Map<ComponentKey, List<Event>> events = new TreeMap<>();
        functions.forEach((service, fns) -> {
            for (Platform platform : Platform.CONCRETE) {
                if (fns.isEmpty()) {
                    events.put(new ComponentKey(service, null, platform), new ArrayList<>());
                }
                for (String fn : fns) {
                    events.put(new ComponentKey(service, fn, platform), new ArrayList<>());
                }
            }
        });
        for (TimelineFact fact : facts) {
            for (StateStatement statement : fact.statements()) {
                for (ComponentKey key : targets(statement, functions.get(statement.service()))) {
                    events.get(key).add(new Event(fact.at(), statement.specificity(), statement.state()));
                }
            }
        }
        Map<ComponentKey, StateTimeline> timelines = new TreeMap<>();
        events.forEach((key, list) -> {
            list.sort(EVENT_ORDER);
            TreeMap<Instant, ComponentState> changes = new TreeMap<>();
            list.forEach(e -> changes.put(e.at(), e.state()));
            timelines.put(key, StateTimeline.of(changes));
        });
        return IncidentImpact.fromComponents(timelines);
    }

    private static Map<String, Set<String>> knownFunctions(Map<String, ? extends Collection<String>> declared,
                                                           Collection<TimelineFact> facts) {
        Map<String, Set<String>> functions = new TreeMap<>();
        declared.forEach((service, fns) -> functions.computeIfAbsent(service, s -> new TreeSet<>()).addAll(fns));
        for (TimelineFact fact : facts) {
            for (StateStatement s : fact.statements()) {
                Set<String> fns = functions.computeIfAbsent(s.service(), x -> new TreeSet<>());
                if (s.function() != null) {
                    fns.add(s.function());
                }
            }
        }
        return functions;
    }

    private static List<ComponentKey> targets(StateStatement statement, Set<String> serviceFunctions) {
        List<ComponentKey> keys = new ArrayList<>();
        for (Platform platform : statement.platform().expand()) {
            if (statement.function() != null) {
                keys.add(new ComponentKey(statement.service(), statement.function(), platform));
            } else if (serviceFunctions.isEmpty()) {
                keys.add(new ComponentKey(statement.service(), null, platform));
            } else {
                serviceFunctions.forEach(fn -> keys.add(new ComponentKey(statement.service(), fn, platform)));
            }
        }
        return keys;
    }

    private record Event(Instant at, int specificity, ComponentState state) {
    }
}
