package kr.outage.compensation.entitlement.rest;

import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.CampaignState;
import kr.outage.compensation.entitlement.domain.ClaimDeadline;
import kr.outage.compensation.entitlement.domain.OverlapPolicy;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.SubjectMatch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A campaign as operators see it, with the outage window incident-service reported, its state in the
 * lifecycle (draft, published, running, applied, rolling_back, partially_rolled_back, rolled_back,
 * withdrawn) and who moved it there.
 */
public record CampaignView(UUID id, String code, String title, String description, UUID incidentId, List<String> services,
                           Map<String, List<String>> serviceNames, String scope, Instant snapshotAt, Instant outageFrom,
                           Instant outageUntil, SubjectMatch eligibility, List<RemedyGroup> groups, CampaignState state,
                           boolean published, OverlapPolicy overlap,
                           @Schema(nullable = true) String overlapReason,
                           @Schema(nullable = true) Claims claims, String createdBy, Instant createdAt,
                           @Schema(nullable = true) Instant publishedAt, @Schema(nullable = true) String publishedBy,
                           @Schema(nullable = true) Instant withdrawnAt, @Schema(nullable = true) String withdrawnBy,
                           @Schema(nullable = true) String withdrawnReason,
                           @Schema(nullable = true) Instant rolledBackAt) {

    /**
     * A capped first-come grant: {@code deadline} is the last second claims are accepted (the whole
     * second counts); {@code closesAt} the first instant they are refused; {@code allClaimedAt} when
     * the last of the cap went (null while any is left).
     */
    public record Claims(long cap, long made, Instant deadline, Instant closesAt, @Schema(nullable = true) Instant allClaimedAt) {
    }

    public static CampaignView of(Campaign c) {
        var t = c.terms();
        Claims claims = t.claimable().map(g -> new Claims(g.remedy().cap(), c.claimsMade(), g.remedy().claimDeadline(),
                ClaimDeadline.closesAt(g.remedy().claimDeadline()), c.allClaimedAt())).orElse(null);
        return new CampaignView(c.id(), c.code(), c.title(), c.description(), c.incidentId(), c.services(), c.serviceNames(),
                t.scope().wire(), t.snapshotAt(), t.outageFrom(), t.outageUntil(), t.eligibility(), t.groups(), c.state(),
                c.published() != null, c.overlap(), c.overlapReason(), claims, c.created().by(), c.created().at(),
                at(c.published()), by(c.published()), at(c.withdrawn()), by(c.withdrawn()), c.withdrawnReason(),
                at(c.rolledBack()));
    }

    private static Instant at(Campaign.Stamp stamp) {
        return stamp == null ? null : stamp.at();
    }

    private static String by(Campaign.Stamp stamp) {
        return stamp == null ? null : stamp.by();
    }
}
