package kr.outage.compensation.payout.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.outage.compensation.payout.domain.BankResultCode;
import kr.outage.compensation.payout.service.BankResult;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The bank's answer for items of a batch: each paid (with the bank's reference) or failed (with its code and why). */
public record SettlementRequest(@NotEmpty @Size(max = 200_000) @Valid List<@NotNull Item> items) {

    /**
     * The results for the service; a paid item giving a failure code is refused (the file contradicts
     * itself, and guessing which half is true would pay or withhold money on a guess).
     */
    public List<BankResult> toResults() {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).resultCode() != null && "paid".equals(items.get(i).result())) {
                throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "items[" + i + "].resultCode",
                        "a paid item has no result code");
            }
        }
        return items.stream().map(i -> new BankResult(i.claimId(), i.result(), i.bankReference(), i.failureReason(),
                i.resultCode() == null ? null : BankResultCode.parse(i.resultCode()).orElseThrow())).toList();
    }

    @Schema(name = "Item") // as first published; the batch report's item is "Item1"
    public record Item(@NotNull UUID claimId,
                       @NotNull @Pattern(regexp = "paid|failed", message = "must be paid or failed") String result,
                       @Size(max = 100) String bankReference,
                       @Size(max = 500) String failureReason,
                       @Schema(nullable = true, description = "For a failed item, the bank's code: account_closed, "
                               + "account_not_found, holder_mismatch, account_suspended, transfer_refused and other are "
                               + "permanent (the claim waits for a corrected account); bank_unavailable, timeout and "
                               + "daily_limit_exceeded are transient (the claim goes into a later batch on the same account). "
                               + "A failed item without a code counts as other. A paid item has none.",
                               enumeration = {"account_closed", "account_not_found", "holder_mismatch", "account_suspended",
                                       "transfer_refused", "bank_unavailable", "timeout", "daily_limit_exceeded", "other"})
                       @Pattern(regexp = BankResultCode.WIRE_PATTERN, message = "must be one of " + BankResultCode.WIRE_PATTERN)
                       String resultCode) {

    }
}
