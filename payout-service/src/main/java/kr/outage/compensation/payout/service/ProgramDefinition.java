package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.domain.AssessmentParameters;
import kr.outage.compensation.payout.domain.SupportTier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A small-business support program as its operator defines it; {@link ProgramRules} checks it and
 * {@link ProgramRegistry} stores it once incident-service has confirmed the incident.
 */
public record ProgramDefinition(UUID incidentId, String name, LocalDate opensOn, LocalDate closesOn, String zone,
                                List<String> services, AssessmentParameters assessment, List<SupportTier> tiers,
                                long reviewThreshold, List<String> reviewEvidence, Long budgetKrw,
                                int objectionDays) {
}
