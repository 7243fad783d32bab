package kr.outage.compensation.incident.domain;

import java.time.Instant;
import java.util.List;

/** An effective (neither superseded nor retracted) update, reduced to what the impact depends on. */
public record TimelineFact(Instant at, List<StateStatement> statements) {
}
