package kr.outage.compensation.payout.rest;

import kr.outage.compensation.payout.persistence.ClaimDecisionEntity;

import java.time.Instant;
import java.util.List;

public record ClaimDecisionView(String decision, String fromState, String toState, Long amount, String reason,
                                List<String> evidenceTypes, String principal, Instant decidedAt) {

    public static ClaimDecisionView of(ClaimDecisionEntity d) {
        return new ClaimDecisionView(d.decision, d.fromState, d.toState, d.amount, d.reason, List.of(d.evidenceTypes),
                d.principal, d.decidedAt);
    }
}
