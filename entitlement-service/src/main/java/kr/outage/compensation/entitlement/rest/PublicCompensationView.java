package kr.outage.compensation.entitlement.rest;

import kr.outage.compensation.entitlement.domain.BillingChannel;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.ClaimDeadline;
import kr.outage.compensation.entitlement.domain.OfferCheck;
import kr.outage.compensation.entitlement.domain.OverlapPolicy;
import kr.outage.compensation.entitlement.domain.Remedy;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.SubjectMatch;
import kr.outage.compensation.entitlement.domain.SubscriptionKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One official compensation as the public registry shows it: no personal data, only what it gives,
 * to whom and until when. {@code status}: official (published, being applied or applied), rolled_back
 * (undone, still listed) or withdrawn (taken off by the operator: {@code withdrawnAt}). {@code topUpReason}
 * is set when the campaign deliberately compensates again people another campaign of the same incident
 * already compensated.
 */
public record PublicCompensationView(String code, String title, String description, UUID incidentId,
                                     List<String> services, Map<String, List<String>> serviceNames, String scope,
                                     Instant snapshotAt,
                                     @Schema(enumeration = {"official", "rolled_back", "withdrawn"}) String status,
                                     @Schema(nullable = true) Instant publishedAt,
                                     @Schema(nullable = true) Instant withdrawnAt,
                                     @Schema(nullable = true) String topUpReason,
                                     List<Offer> offers,
                                     @Schema(nullable = true) Instant claimDeadline,
                                     @Schema(nullable = true) Instant claimsCloseAt,
                                     @Schema(nullable = true, description = "For a capped first-come grant: how many there are")
                                     Long claimCap,
                                     @Schema(nullable = true, description = "When the last of the capped grant went: all claimed")
                                     Instant allClaimedAt,
                                     @Schema(nullable = true, description = "The announcement, exactly as published: the only "
                                             + "text the verifier calls official")
                                     AnnouncementView announcement) {

    /** The announcement's texts; a language not written is null. */
    public record AnnouncementView(@Schema(nullable = true) String ko, @Schema(nullable = true) String en) {
    }

    public record Offer(String group, String whoGetsIt, List<Remedy> remedies) {
    }

    public static PublicCompensationView of(Campaign c) {
        List<Offer> offers = new ArrayList<>();
        for (RemedyGroup g : c.terms().groups()) {
            offers.add(new Offer(g.name(), who(g.matchOrAny()), g.remedies()));
        }
        String status = OfferCheck.official(c) ? "official" : c.withdrawn() != null ? "withdrawn" : "rolled_back";
        Instant deadline = c.terms().claimable().map(g -> g.remedy().claimDeadline()).orElse(null);
        return new PublicCompensationView(c.code(), c.title(), c.description(), c.incidentId(), c.services(), c.serviceNames(),
                c.terms().scope().wire(), c.terms().snapshotAt(), status, c.published() == null ? null : c.published().at(),
                c.withdrawn() == null ? null : c.withdrawn().at(),
                c.overlap() == OverlapPolicy.ALLOW ? c.overlapReason() : null, offers, deadline,
                deadline == null ? null : ClaimDeadline.closesAt(deadline),
                c.terms().claimable().map(g -> g.remedy().cap()).orElse(null), c.allClaimedAt(),
                c.announcement() == null ? null : new AnnouncementView(c.announcement().ko(), c.announcement().en()));
    }

    private static String who(SubjectMatch m) {
        List<String> parts = new ArrayList<>();
        if (!m.productsOrEmpty().isEmpty()) {
            parts.add("products " + String.join(", ", m.productsOrEmpty()));
        }
        if (!m.kindsOrEmpty().isEmpty()) {
            parts.add(m.kindsOrEmpty().stream().map(SubscriptionKind::wire).collect(Collectors.joining(" or ")) + " passes");
        }
        if (!m.channelsOrEmpty().isEmpty()) {
            parts.add("billed via " + m.channelsOrEmpty().stream().map(BillingChannel::wire).collect(Collectors.joining(", ")));
        }
        if (!m.countriesOrEmpty().isEmpty()) {
            parts.add("accounts in " + String.join(", ", m.countriesOrEmpty()));
        }
        parts.add(switch (m.holdingOrAny()) {
            case ACTIVE_AT_SNAPSHOT -> "active at the snapshot";
            case ENDED_DURING_OUTAGE -> "ended during the outage";
            case ANY -> "eligible holders";
        });
        return String.join("; ", parts);
    }
}
