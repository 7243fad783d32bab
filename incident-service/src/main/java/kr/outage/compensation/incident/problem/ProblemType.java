package kr.outage.compensation.incident.problem;

import kr.outage.compensation.platform.problem.ProblemKind;

/**
 * The refusals of this service's own domain, with their HTTP status and stable type URI; the errors
 * of HTTP, JSON and security are the platform's {@link kr.outage.compensation.platform.problem.GeneralProblem}.
 */
public enum ProblemType implements ProblemKind {
    TIMELINE_RULE_VIOLATED(422, "timeline-rule-violated", "The request breaks a timeline rule");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }
}
