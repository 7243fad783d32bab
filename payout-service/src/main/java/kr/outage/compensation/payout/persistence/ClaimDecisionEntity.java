package kr.outage.compensation.payout.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One decision on a claim, kept forever: the committee's record. */
@Entity
@Table(name = "claim_decision")
public class ClaimDecisionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Assigned by the database: the order in which decisions were taken. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "claim_id")
    public UUID claimId;
    public String decision;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state")
    public String toState;
    public Long amount;
    public String reason;
    @Column(name = "evidence_types")
    public String[] evidenceTypes;
    public String principal;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
