package kr.outage.compensation.incident.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A step function from instants to {@link ComponentState}: operational before the first change,
 * then each change holds until the next. Immutable; equal timelines have equal change lists, which
 * is what makes the computed impact independent of the order updates arrived in.
 */
public final class StateTimeline {

    public static final StateTimeline ALWAYS_OPERATIONAL = new StateTimeline(new TreeMap<>());

    private final NavigableMap<Instant, ComponentState> changes;

    private StateTimeline(NavigableMap<Instant, ComponentState> changes) {
        this.changes = Collections.unmodifiableNavigableMap(changes);
    }

    /** Builds a timeline from raw changes, dropping those that do not change the state. */
    public static StateTimeline of(NavigableMap<Instant, ComponentState> rawChanges) {
        TreeMap<Instant, ComponentState> normalized = new TreeMap<>();
        ComponentState current = ComponentState.OPERATIONAL;
        for (Map.Entry<Instant, ComponentState> change : rawChanges.entrySet()) {
            if (change.getValue() != current) {
                normalized.put(change.getKey(), change.getValue());
                current = change.getValue();
            }
        }
        return new StateTimeline(normalized);
    }

    /** The pointwise worst state of several timelines, e.g. a service from its functions. */
    public static StateTimeline worstOf(Collection<StateTimeline> timelines) {
        TreeSet<Instant> boundaries = new TreeSet<>();
        timelines.forEach(t -> boundaries.addAll(t.changes.keySet()));
        TreeMap<Instant, ComponentState> merged = new TreeMap<>();
        for (Instant boundary : boundaries) {
            ComponentState worst = ComponentState.OPERATIONAL;
            for (StateTimeline timeline : timelines) {
                ComponentState state = timeline.stateAt(boundary);
                if (state.isWorseThan(worst)) {
                    worst = state;
                }
            }
            merged.put(boundary, worst);
        }
        return of(merged);
    }

    public ComponentState stateAt(Instant at) {
        Map.Entry<Instant, ComponentState> entry = changes.floorEntry(at);
        return entry == null ? ComponentState.OPERATIONAL : entry.getValue();
    }

    /** Every maximal interval spent in one non-operational state. */
    public List<Window> stateWindows() {
        List<Window> windows = new ArrayList<>();
        Instant openedAt = null;
        ComponentState openState = ComponentState.OPERATIONAL;
        for (Map.Entry<Instant, ComponentState> change : changes.entrySet()) {
            if (openState != ComponentState.OPERATIONAL) {
                windows.add(new Window(openedAt, change.getKey(), openState));
            }
            openedAt = change.getKey();
            openState = change.getValue();
        }
        if (openState != ComponentState.OPERATIONAL) {
            windows.add(new Window(openedAt, null, openState));
        }
        return windows;
    }

    /**
     * Maximal intervals during which the state is at least {@code threshold}, adjacent states merged;
     * each window carries the worst state seen inside it.
     */
    public List<Window> impairedWindows(ComponentState threshold) {
        List<Window> windows = new ArrayList<>();
        Window current = null;
        for (Window w : stateWindows()) {
            if (!w.state().atLeast(threshold)) {
                continue;
            }
            if (current != null && current.to() != null && current.to().equals(w.from())) {
                ComponentState worst = w.state().isWorseThan(current.state()) ? w.state() : current.state();
                current = new Window(current.from(), w.to(), worst);
            } else {
                if (current != null) {
                    windows.add(current);
                }
                current = w;
            }
        }
        if (current != null) {
            windows.add(current);
        }
        return windows;
    }

    public Duration impairedTime(ComponentState threshold, Instant asOf) {
        return Window.total(impairedWindows(threshold), asOf);
    }

    public boolean isEverImpaired(ComponentState threshold) {
        return !impairedWindows(threshold).isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateTimeline other && changes.equals(other.changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    @Override
    public String toString() {
        return "StateTimeline" + changes;
    }
}
