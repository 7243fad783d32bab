package kr.outage.compensation.incident.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "incident")
public class IncidentEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    public String cause;
    public String severity;
    public String status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "detected_at")
    public Instant detectedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "reopen_count")
    public int reopenCount;
    /** Bumped on every change to the timeline; the impact cache is keyed on it. */
    public long revision;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
