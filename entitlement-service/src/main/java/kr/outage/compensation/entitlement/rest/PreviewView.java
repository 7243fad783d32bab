package kr.outage.compensation.entitlement.rest;

import kr.outage.compensation.entitlement.domain.Remedy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What applying the campaign now would do. {@code toApply} excludes subjects the campaign already
 * granted; days are pass days actually moved (a ticket gets no billing-date days); won are cash
 * plus coupon face values.
 */
public record PreviewView(UUID campaignId, String code, Instant evaluatedAt, Totals totals, List<GroupPreview> groups,
                          List<SampleSubject> sample) {

    public record Totals(long eligible, long alreadyApplied, long toApply, long days, long krw, long cashKrw,
                         long couponKrw, long items) {
    }

    public record GroupPreview(int groupNo, String name, List<Remedy> remedies, long eligible, long alreadyApplied,
                               long toApply, long days, long cashKrw, long couponKrw, long items) {
    }

    public record SampleSubject(int groupNo, long subjectId, String userId, PassDates before, PassDates after,
                                long cashKrw) {
    }

    public record PassDates(LocalDate nextBillingDate, LocalDate expiresOn) {
    }
}
