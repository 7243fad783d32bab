package kr.outage.compensation.payout.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "program")
public class ProgramEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "incident_id")
    public UUID incidentId;
    public String name;
    @Column(name = "intake_opens_on")
    public LocalDate intakeOpensOn;
    @Column(name = "intake_closes_on")
    public LocalDate intakeClosesOn;
    @Column(name = "intake_zone")
    public String intakeZone;
    public String[] services;
    /** {@link kr.outage.compensation.payout.domain.AssessmentParameters} as JSON. */
    public String assessment;
    /** The list of {@link kr.outage.compensation.payout.domain.SupportTier} as JSON. */
    public String tiers;
    @Column(name = "review_threshold")
    public long reviewThreshold;
    /** Days after a decision within which its filer may object. */
    @Column(name = "objection_days")
    public int objectionDays;
    @Column(name = "review_evidence")
    public String[] reviewEvidence;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
