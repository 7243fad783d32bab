package kr.outage.compensation.payout.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "payout_batch")
public class PayoutBatchEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "program_id")
    public UUID programId;
    /** open until every item is settled (paid or failed), then settled. */
    public String state;
    @Column(name = "item_count")
    public int itemCount;
    @Column(name = "total_amount")
    public long totalAmount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "settled_at")
    public Instant settledAt;
}
