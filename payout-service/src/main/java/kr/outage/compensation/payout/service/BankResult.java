package kr.outage.compensation.payout.service;

import java.util.UUID;

/** The bank's answer for one item of a payout batch: paid (with its reference) or failed (with why). */
public record BankResult(UUID claimId, String result, String bankReference, String failureReason) {
}
