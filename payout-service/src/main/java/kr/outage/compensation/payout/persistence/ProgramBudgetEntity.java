package kr.outage.compensation.payout.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A program's budget and what approvals have committed of it (see migration V7). */
@Entity
@Table(name = "program_budget")
public class ProgramBudgetEntity extends PanacheEntityBase {

    @Id
    @Column(name = "program_id")
    public UUID programId;
    /** Null: no budget was set; approvals are not limited (committed still counts them). */
    public Long budget;
    public long committed;
}
