package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.persistence.ClaimDecisionEntity;

import java.time.Instant;
import java.util.List;

/** One decision on a claim, as its history shows it. */
public record ClaimDecisionView(String decision, String fromState, String toState, Long amount, String reason,
                                List<String> evidenceTypes, String principal, Instant decidedAt) {

    static ClaimDecisionView of(ClaimDecisionEntity d) {
        return new ClaimDecisionView(d.decision, d.fromState, d.toState, d.amount, d.reason, List.of(d.evidenceTypes),
                d.principal, d.decidedAt);
    }
}
