package kr.outage.compensation.payout.service;

/**
 * A committee member's step on an objection: {@code recommend} (a reviewer) or {@code decide} (a
 * payout approver other than the recommender). {@code outcome} and {@code amount} default, when
 * deciding, to the recommendation's.
 */
public record ObjectionVote(String decision, String outcome, Long amount, String reason) {
}
