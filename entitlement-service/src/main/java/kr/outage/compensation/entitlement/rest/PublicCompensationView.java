package kr.outage.compensation.entitlement.rest;

import kr.outage.compensation.entitlement.domain.Remedy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One official compensation as the public registry shows it: no personal data, only what it gives,
 * to whom and until when. {@code status} is "official" or "withdrawn" (rolled back).
 */
public record PublicCompensationView(String code, String title, String description, UUID incidentId,
                                     List<String> services, String scope, Instant snapshotAt, String status,
                                     List<Offer> offers, Instant claimDeadline) {

    public record Offer(String group, String whoGetsIt, List<Remedy> remedies) {
    }
}
