package kr.outage.compensation.payout.rest;

import kr.outage.compensation.payout.service.ReviewVote;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /api/v1/claims/{id}/review}. {@code amount} is required to recommend and
 * defaults to the recommended amount when approving; {@code evidenceTypes} is what a request for
 * evidence asks for. Every decision gives its reason.
 */
public record ReviewRequest(
        @NotNull @Pattern(regexp = "recommend|approve|reject|request_evidence",
                message = "must be one of recommend, approve, reject, request_evidence") String decision,
        @Positive Long amount,
        @NotBlank @Size(max = 2000) String reason,
        @Size(max = 20) List<@NotNull @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String> evidenceTypes) {

    public ReviewVote toVote() {
        return new ReviewVote(decision, amount, reason, evidenceTypes);
    }
}
