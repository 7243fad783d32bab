package kr.outage.compensation.payout.persistence;

/**
 * How a claim was assessed, as kept in {@code claim.assessment_detail} (JSON). A record of its own,
 * not the API's view: renaming a field of the API must not make stored claims unreadable. Its field
 * names are the ones the column has held since the first claim, so existing rows read as they are.
 */
public record StoredAssessment(String basedOn, long incidentRevision, long impairedSeconds, String impairedDuration,
                               Long plausibleCap, boolean capped, long assessedLoss, Integer tier, Long supportAmount,
                               boolean needsCommitteeReview, String formula) {
}
