package kr.outage.compensation.entitlement.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a rollback undid and what it could not. Each conflict names the subject, the person and why
 * (cash already spent, coupon already used, pass changed or ended since); the full list is kept.
 */
@Schema(name = "RollbackView")
public record RollbackReport(UUID campaignId, String state, Instant rolledBackAt, String rolledBackBy,
                           long grantsReversed, long passesRestored, long cashReversedKrw, long couponsRevoked,
                           long itemsRevoked, long conflictCount, Map<String, Long> conflictsByKind,
                           List<Conflict> conflicts) {

    public record Conflict(long subjectId, String userId, String kind, String detail) {
    }
}
