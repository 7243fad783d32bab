package kr.outage.compensation.payout.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The committee's decisions and the state machine they drive. A decision from any other state is
 * an illegal transition (409), whoever makes it.
 */
public enum ReviewDecision {
    /** A reviewer proposes an amount; someone else must approve it. */
    RECOMMEND(Set.of(ClaimState.AWAITING_REVIEW), ClaimState.RECOMMENDED),
    APPROVE(Set.of(ClaimState.RECOMMENDED), ClaimState.APPROVED),
    REJECT(Set.of(ClaimState.AWAITING_REVIEW, ClaimState.RECOMMENDED, ClaimState.EVIDENCE_REQUESTED), ClaimState.REJECTED),
    REQUEST_EVIDENCE(Set.of(ClaimState.AWAITING_REVIEW, ClaimState.RECOMMENDED), ClaimState.EVIDENCE_REQUESTED);

    private final Set<ClaimState> allowedFrom;
    private final ClaimState to;

    ReviewDecision(Set<ClaimState> allowedFrom, ClaimState to) {
        this.allowedFrom = allowedFrom;
        this.to = to;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAllowedFrom(ClaimState state) {
        return allowedFrom.contains(state);
    }

    public ClaimState target() {
        return to;
    }

    public Set<ClaimState> allowedFrom() {
        return allowedFrom;
    }

    public static Optional<ReviewDecision> parse(String value) {
        return Arrays.stream(values()).filter(d -> d.wireName().equals(value)).findFirst();
    }

    /** Which role may take which decision: reviewers weigh the case, approvers commit the money. */
    public static final Map<ReviewDecision, Set<String>> ROLES = Map.of(
            RECOMMEND, Set.of("claims-reviewer"),
            REQUEST_EVIDENCE, Set.of("claims-reviewer"),
            APPROVE, Set.of("payout-approver"),
            REJECT, Set.of("claims-reviewer", "payout-approver"));
}
