package kr.outage.compensation.incident.domain;

import java.util.Comparator;

/** One function of one service on one concrete platform; {@code function == null} is the service as a whole. */
public record ComponentKey(String service, String function, Platform platform) implements Comparable<ComponentKey> {

    private static final Comparator<ComponentKey> ORDER = Comparator
            .comparing(ComponentKey::service)
            .thenComparing(ComponentKey::function, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ComponentKey::platform);

    @Override
    public int compareTo(ComponentKey other) {
        return ORDER.compare(this, other);
    }
}
