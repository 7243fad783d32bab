package kr.outage.compensation.payout.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A filer's objection to a claim's decision and the committee's answer to it; at most one per claim. */
@Entity
@Table(name = "claim_objection")
public class ClaimObjectionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "objected_state")
    public String objectedState;
    /** The amount decided before the objection; 0 for a rejection. */
    @Column(name = "amount_before")
    public long amountBefore;
    @Column(name = "decided_at")
    public Instant decidedAt;
    public String reason;
    /** Documents as a JSON array of {type, ref}, like a claim's evidence. */
    public String documents;
    @Column(name = "filed_by")
    public String filedBy;
    @Column(name = "filed_at")
    public Instant filedAt;
    public String state;
    @Column(name = "recommended_outcome")
    public String recommendedOutcome;
    @Column(name = "recommended_amount")
    public Long recommendedAmount;
    @Column(name = "recommended_by")
    public String recommendedBy;
    @Column(name = "recommendation_reason")
    public String recommendationReason;
    public String outcome;
    @Column(name = "outcome_amount")
    public Long outcomeAmount;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "outcome_reason")
    public String outcomeReason;
    @Column(name = "outcome_at")
    public Instant outcomeAt;
}
