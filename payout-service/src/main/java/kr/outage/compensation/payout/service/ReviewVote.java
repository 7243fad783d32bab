package kr.outage.compensation.payout.service;

import java.util.List;

/**
 * A committee member's decision on a claim: recommend, approve, reject or request evidence.
 * {@code amount} is required to recommend and defaults to the recommended amount when approving;
 * {@code evidenceTypes} is what a request for evidence asks for.
 */
public record ReviewVote(String decision, Long amount, String reason, List<String> evidenceTypes) {
}
