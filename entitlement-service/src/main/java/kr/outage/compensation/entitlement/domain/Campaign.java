package kr.outage.compensation.entitlement.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A compensation campaign as stored: its public identity, its incident and its terms. */
public record Campaign(UUID id, String code, String title, String description, UUID incidentId,
                       List<String> services, CampaignTerms terms, boolean published, String state,
                       long claimsMade, String createdBy, Instant createdAt, Instant rolledBackAt,
                       String rolledBackBy) {

    public static final String DEFINED = "DEFINED";
    public static final String ROLLING_BACK = "ROLLING_BACK";
    public static final String ROLLED_BACK = "ROLLED_BACK";

    public boolean rolledBack() {
        return !DEFINED.equals(state);
    }
}
