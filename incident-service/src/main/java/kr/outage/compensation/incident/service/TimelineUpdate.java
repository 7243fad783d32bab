package kr.outage.compensation.incident.service;

import java.time.Instant;
import java.util.List;

/**
 * What was true from {@code at} on: the status and the state of each named service, function and
 * platform. {@code at} may lie in the past (back-filled facts); the order updates arrive in does not
 * matter.
 */
public record TimelineUpdate(Instant at, String status, String message, List<StateStatement> states) {

    /** "Service S, function F (or all of them, when null), on platform P is in state X." */
    public record StateStatement(String service, String function, String platform, String state) {
    }

    public List<StateStatement> statesOrEmpty() {
        return states == null ? List.of() : states;
    }
}
