package kr.outage.compensation.entitlement.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One ledger entry of a cash wallet and the balance after the operation that wrote it. */
@Schema(name = "WalletEntryView")
public record WalletEntry(long entryId, String userId, long amountKrw, String reason, String source, long balanceKrw,
                              Instant createdAt) {
}
