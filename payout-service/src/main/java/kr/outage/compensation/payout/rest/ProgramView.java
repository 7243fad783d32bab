package kr.outage.compensation.payout.rest;

import kr.outage.compensation.payout.domain.AssessmentParameters;
import kr.outage.compensation.payout.domain.SupportTier;
import kr.outage.compensation.payout.service.Program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A program's published terms: anyone may read what is paid, to whom, and how it is assessed. */
public record ProgramView(UUID id, UUID incidentId, String name, Intake intake, List<String> services,
                          AssessmentParameters assessment, List<SupportTier> tiers, long reviewThreshold,
                          List<String> reviewEvidence, int objectionDays, Instant createdAt) {

    /** {@code closesAt} is the first instant after the window. */
    public record Intake(LocalDate opensOn, LocalDate closesOn, String zone, Instant opensAt, Instant closesAt,
                         boolean openNow) {
    }

    static ProgramView of(Program p, Instant now) {
        return new ProgramView(p.id(), p.incidentId(), p.name(),
                new Intake(p.intake().opensOn(), p.intake().closesOn(), p.intake().zone().getId(),
                        p.intake().opensAt(), p.intake().closesAt(), p.intake().isOpenAt(now)),
                p.services(), p.assessment(), p.tiers(), p.reviewThreshold(), p.reviewEvidence(), p.objectionDays(), p.createdAt());
    }
}
