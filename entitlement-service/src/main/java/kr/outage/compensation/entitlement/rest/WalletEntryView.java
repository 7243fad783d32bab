package kr.outage.compensation.entitlement.rest;

import java.time.Instant;

/** One ledger entry of a cash wallet and the balance after the operation that wrote it. */
public record WalletEntryView(long entryId, String userId, long amountKrw, String reason, String source, long balanceKrw,
                              Instant createdAt) {
}
