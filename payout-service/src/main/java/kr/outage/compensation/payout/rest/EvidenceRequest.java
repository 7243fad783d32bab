package kr.outage.compensation.payout.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The claimant's answer to a request for evidence. */
public record EvidenceRequest(@NotEmpty @Size(max = 50) @Valid List<FileClaimRequest.@NotNull Evidence> evidence) {
}
