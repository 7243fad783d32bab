package kr.outage.compensation.entitlement.service;

import kr.outage.compensation.entitlement.domain.CampaignState;
import kr.outage.compensation.entitlement.domain.OverlapPolicy;
import kr.outage.compensation.entitlement.domain.Remedy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What applying the campaign now would do. {@code toApply} excludes subjects the campaign already
 * granted and, with overlap 'exclude', those another campaign of the same incident and service
 * already compensated ({@code excludedByOverlap}); days are pass days actually moved (a ticket gets
 * no billing-date days); won are cash plus coupon face values.
 */
@Schema(name = "PreviewView")
public record PreviewReport(UUID campaignId, String code, Instant evaluatedAt, Totals totals, List<GroupPreview> groups,
                          Overlap overlap, List<SampleSubject> sample) {

    public record Totals(long eligible, long alreadyApplied, long excludedByOverlap, long toApply, long days, long krw,
                         long cashKrw, long couponKrw, long items) {
    }

    public record GroupPreview(int groupNo, String name, List<Remedy> remedies, long eligible, long alreadyApplied,
                               long excludedByOverlap, long toApply, long days, long cashKrw, long couponKrw, long items,
                               @Schema(nullable = true, description = "groups with a store_extension only") StoreSplit stores) {
    }

    /**
     * Of a store-extension group's subscriptions to apply: how many each store would be asked to
     * extend, and how many get the fallback at once, because they have no store identity or no longer
     * renew ({@code noStore}) or because the suite has had them extended twice in the last 365 days,
     * Apple's limit ({@code appleLimitReached}). {@code cashKrw} of the group counts those fallbacks;
     * a store may still refuse some of the requests, and each refusal gets the fallback then.
     * {@code appleMassExtension}: the App Store subscriptions go in one mass extension per product
     * ({@code appleMassProducts}), which reaches every active subscriber of those products, not only
     * the {@code apple} counted here.
     */
    public record StoreSplit(long apple, long google, long noStore, long appleLimitReached, long fallbackKrwEach,
                             boolean appleMassExtension, List<String> appleMassProducts) {
    }

    /**
     * Subjects compensated already by other campaigns of the same incident and service: {@code overlapping}
     * in all, and per campaign with a sample of user ids. With policy 'allow' they are granted anyway.
     */
    public record Overlap(OverlapPolicy policy, @Schema(nullable = true) String reason, long overlapping,
                          List<OtherCampaign> campaigns) {
    }

    public record OtherCampaign(UUID campaignId, String code, String title, CampaignState state, long overlapping,
                                List<String> sampleUserIds) {
    }

    public record SampleSubject(int groupNo, long subjectId, String userId, PassDates before, PassDates after,
                                long cashKrw) {
    }

    public record PassDates(LocalDate nextBillingDate, LocalDate expiresOn) {
    }
}
