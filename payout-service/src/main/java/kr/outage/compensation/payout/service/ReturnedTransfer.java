package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.domain.BankResultCode;

import java.util.UUID;

/** A transfer the bank sent back after it had been settled as paid: the code, its reference, and why. */
public record ReturnedTransfer(UUID claimId, BankResultCode code, String bankReference, String reason) {
}
