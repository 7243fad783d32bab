package kr.outage.compensation.incident.problem;

import kr.outage.compensation.platform.problem.ProblemKind;

/**
 * The refusals of this service's own domain, with their HTTP status and stable type URI; the errors
 * of HTTP, JSON and security are the platform's {@link kr.outage.compensation.platform.problem.GeneralProblem}.
 */
public final class ProblemType {

    public static final ProblemKind TIMELINE_RULE_VIOLATED = new ProblemKind(422, "timeline-rule-violated",
            "The request breaks a timeline rule");

    private ProblemType() {
    }
}
