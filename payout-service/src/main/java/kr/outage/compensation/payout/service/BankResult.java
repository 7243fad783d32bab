package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.domain.BankResultCode;

import java.util.UUID;

/**
 * The bank's answer for one item of a payout batch: paid (with its reference) or failed (with the
 * bank's code and why). A failure without a code is {@link BankResultCode#OTHER}: permanent.
 */
public record BankResult(UUID claimId, String result, String bankReference, String failureReason, BankResultCode code) {

    public boolean paid() {
        return "paid".equals(result);
    }

    /** The failure's code; only meaningful for a failed item. */
    public BankResultCode failureCode() {
        return code == null ? BankResultCode.OTHER : code;
    }
}
