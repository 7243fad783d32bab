package kr.outage.compensation.entitlement.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an operator writes to define or edit a draft campaign, before incident-service has been asked
 * for the outage window. {@code serviceNames} and {@code overlap} may be absent (no extra names; exclude).
 */
public record CampaignDefinition(String code, String title, String description, UUID incidentId, List<String> services,
                                 Map<String, List<String>> serviceNames, CampaignScope scope, Instant snapshotAt,
                                 SubjectMatch eligibility, List<RemedyGroup> groups, OverlapPolicy overlap,
                                 String overlapReason, Announcement announcement) {

    public SubjectMatch eligibilityOrAny() {
        return eligibility == null ? SubjectMatch.any() : eligibility;
    }

    public OverlapPolicy overlapOrDefault() {
        return overlap == null ? OverlapPolicy.EXCLUDE : overlap;
    }

    public Map<String, List<String>> serviceNamesOrEmpty() {
        return serviceNames == null ? Map.of() : serviceNames;
    }
}
