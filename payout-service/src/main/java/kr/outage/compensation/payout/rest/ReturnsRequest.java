package kr.outage.compensation.payout.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.outage.compensation.payout.domain.BankResultCode;
import kr.outage.compensation.payout.service.ReturnedTransfer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Transfers of a batch that the bank sent back after they were settled as paid. */
public record ReturnsRequest(@NotEmpty @Size(max = 200_000) @Valid List<@NotNull ReturnedItem> items) {

    public List<ReturnedTransfer> toReturns() {
        return items.stream().map(i -> new ReturnedTransfer(i.claimId(), BankResultCode.parse(i.resultCode()).orElseThrow(),
                i.bankReference(), i.reason())).toList();
    }

    public record ReturnedItem(@NotNull UUID claimId,
                               @NotNull @Schema(description = "Why the bank returned the money (any code; a return always "
                                       + "needs a corrected account)", enumeration = {"account_closed", "account_not_found",
                                       "holder_mismatch", "account_suspended", "transfer_refused", "bank_unavailable",
                                       "timeout", "daily_limit_exceeded", "other"})
                               @Pattern(regexp = BankResultCode.WIRE_PATTERN, message = "must be one of " + BankResultCode.WIRE_PATTERN)
                               String resultCode,
                               @Size(max = 100) @Schema(nullable = true, description = "The bank's reference of the return") String bankReference,
                               @Size(max = 500) @Schema(nullable = true) String reason) {
    }
}
