package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.domain.AssessmentParameters;
import kr.outage.compensation.payout.domain.IntakeWindow;
import kr.outage.compensation.payout.domain.SupportTier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A support program as the rules see it. */
public record Program(UUID id, UUID incidentId, String name, IntakeWindow intake, List<String> services,
                      AssessmentParameters assessment, List<SupportTier> tiers, long reviewThreshold,
                      List<String> reviewEvidence, int objectionDays, Instant createdAt) {
}
