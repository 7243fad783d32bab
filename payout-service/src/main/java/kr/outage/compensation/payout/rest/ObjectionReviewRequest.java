package kr.outage.compensation.payout.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import kr.outage.compensation.payout.service.ObjectionVote;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/claims/{id}/objection/review}: a reviewer recommends (outcome required;
 * amount required to amend), then a payout approver who did not recommend it decides (outcome and
 * amount default to the recommendation's). Every step gives its reason.
 */
public record ObjectionReviewRequest(
        @NotNull @Pattern(regexp = "recommend|decide", message = "must be recommend or decide") String decision,
        @Schema(nullable = true, enumeration = {"decision_upheld", "amended"})
        @Pattern(regexp = "decision_upheld|amended", message = "must be decision_upheld or amended") String outcome,
        @Schema(nullable = true, description = "The claim's amount after the objection, in KRW: more than the amount "
                + "objected to, at most the loss the claim stands on") @Positive Long amount,
        @NotBlank @Size(max = 2000) String reason) {

    public ObjectionVote toVote() {
        return new ObjectionVote(decision, outcome, amount, reason);
    }
}
