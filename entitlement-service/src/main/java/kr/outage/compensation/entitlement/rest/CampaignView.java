package kr.outage.compensation.entitlement.rest;

import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.SubjectMatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign as operators see it, with the outage window incident-service reported. */
public record CampaignView(UUID id, String code, String title, String description, UUID incidentId, List<String> services,
                           String scope, Instant snapshotAt, Instant outageFrom, Instant outageUntil,
                           SubjectMatch eligibility, List<RemedyGroup> groups, boolean published, String state,
                           Claims claims, String createdBy, Instant createdAt, Instant rolledBackAt) {

    public record Claims(long cap, long made, Instant deadline) {
    }

    public static CampaignView of(Campaign c) {
        var t = c.terms();
        Claims claims = t.claimable().map(g -> new Claims(g.remedy().cap(), c.claimsMade(), g.remedy().claimDeadline()))
                .orElse(null);
        return new CampaignView(c.id(), c.code(), c.title(), c.description(), c.incidentId(), c.services(), t.scope().wire(),
                t.snapshotAt(), t.outageFrom(), t.outageUntil(), t.eligibility(), t.groups(), c.published(),
                c.state().toLowerCase(java.util.Locale.ROOT), claims, c.createdBy(), c.createdAt(), c.rolledBackAt());
    }
}
