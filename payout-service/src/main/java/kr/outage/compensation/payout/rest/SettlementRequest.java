package kr.outage.compensation.payout.rest;

import kr.outage.compensation.payout.service.BankResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The bank's answer for items of a batch: each paid (with the bank's reference) or failed (with why). */
public record SettlementRequest(@NotEmpty @Size(max = 200_000) @Valid List<@NotNull Item> items) {

    public List<BankResult> toResults() {
        return items.stream().map(i -> new BankResult(i.claimId(), i.result(), i.bankReference(), i.failureReason())).toList();
    }

    @Schema(name = "Item") // as first published; the batch report's item is "Item1"
    public record Item(@NotNull UUID claimId,
                       @NotNull @Pattern(regexp = "paid|failed", message = "must be paid or failed") String result,
                       @Size(max = 100) String bankReference,
                       @Size(max = 500) String failureReason) {
    }
}
