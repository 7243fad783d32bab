package kr.outage.compensation.incident.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One timeline update as it was recorded. Never deleted; corrections and retractions only mark it. */
@Entity
@Table(name = "incident_update")
public class IncidentUpdateEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "incident_id")
    public UUID incidentId;
    public Instant at;
    public String status;
    public String message;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "corrects_update_id")
    public UUID correctsUpdateId;
    @Column(name = "correction_reason")
    public String correctionReason;
    @Column(name = "superseded_by")
    public UUID supersededBy;
    @Column(name = "retracted_at")
    public Instant retractedAt;
    @Column(name = "retracted_by")
    public String retractedBy;
    @Column(name = "retraction_reason")
    public String retractionReason;

    public boolean isEffective() {
        return supersededBy == null && retractedAt == null;
    }
}
