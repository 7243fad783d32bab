package kr.outage.compensation.entitlement.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a campaign that decide who gets what: everything preview and apply evaluate, in one
 * value, so both read exactly the same terms. The outage window comes from incident-service when the
 * campaign is defined (first impairment to last recovery of the campaign's services).
 */
public record CampaignTerms(CampaignScope scope, Instant snapshotAt, Instant outageFrom, Instant outageUntil,
                            SubjectMatch eligibility, List<RemedyGroup> groups) {

    /** The claimable remedy and the group (1-based) it belongs to, if the campaign has one. */
    public Optional<ClaimableGrant> claimable() {
        for (int i = 0; i < groups.size(); i++) {
            for (Remedy r : groups.get(i).remedies()) {
                if (r.type() == RemedyType.CLAIMABLE_ITEM) {
                    return Optional.of(new ClaimableGrant(i + 1, r));
                }
            }
        }
        return Optional.empty();
    }

    public boolean anyGroupHas(RemedyType type) {
        return groups.stream().anyMatch(g -> !g.ofType(type).isEmpty());
    }

    /** The group (1-based) whose App Store subscriptions go in a mass extension; 0: none (at most one may). */
    public int appleMassGroupNo() {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).appleMass()) {
                return i + 1;
            }
        }
        return 0;
    }

    public record ClaimableGrant(int groupNo, Remedy remedy) {
    }
}
