package kr.outage.compensation.entitlement.persistence;

import kr.outage.compensation.entitlement.domain.Campaign;

/**
 * SQL over {@code compensation_coverage}: which subjects another campaign of the same incident already
 * compensated for one of this campaign's services. Overlap is judged within one scope (a subscription
 * id and an account number are different subjects even when the digits agree).
 */
public final class CoverageSql {

    private CoverageSql() {
    }

    /** True when another campaign covers the subject given by {@code subjectColumn} (an SQL expression). */
    public static SqlText coveredByAnother(Campaign campaign, String subjectColumn) {
        return new SqlText().add("exists (select 1 from compensation_coverage cv where cv.incident_id = ? and cv.scope = ? "
                        + "and cv.service = any(?) and cv.subject_id = " + subjectColumn + " and cv.campaign_id <> ?)",
                campaign.incidentId(), campaign.terms().scope().name(), campaign.services().toArray(String[]::new),
                campaign.id());
    }

    /**
     * A CTE part that records the grants in {@code g} as this campaign's coverage. Rows another campaign
     * holds already stay theirs; a row a concurrent transaction has just inserted and committed makes
     * this statement fail with a serialization error in REPEATABLE READ, so the chunk is retried and
     * then sees it: the primary key, not a read, decides who covers a subject.
     */
    public static SqlText recordGrants(Campaign campaign) {
        return new SqlText().add(", coverage as (insert into compensation_coverage (incident_id, service, scope, subject_id, "
                        + "campaign_id) select ?, svc, ?, g.subject_id, g.campaign_id from g cross join unnest(?) svc "
                        + "order by g.subject_id, svc on conflict do nothing)",
                campaign.incidentId(), campaign.terms().scope().name(), campaign.services().toArray(String[]::new));
    }
}
