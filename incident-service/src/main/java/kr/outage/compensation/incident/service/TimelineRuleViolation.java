package kr.outage.compensation.incident.service;

import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.incident.problem.ProblemType;

import java.util.List;

/** A well-formed request that breaks a rule of timelines (an update before the incident began, a time in the future). */
public class TimelineRuleViolation extends ProblemException {

    public TimelineRuleViolation(String field, String message) {
        super(ProblemType.TIMELINE_RULE_VIOLATED, field + " " + message, List.of(new Problem.FieldError(field, message)));
    }
}
