package kr.outage.compensation.payout.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One change of a claim's bank account, the old and new numbers masked; never updated. */
@Entity
@Table(name = "bank_account_change")
public class BankAccountChangeEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "old_bank")
    public String oldBank;
    @Column(name = "old_account_masked")
    public String oldAccountMasked;
    @Column(name = "new_bank")
    public String newBank;
    @Column(name = "new_account_masked")
    public String newAccountMasked;
    @Column(name = "after_failures")
    public int afterFailures;
    public String reason;
    public String principal;
    /** When the bank confirmed the new account's holder; null for changes from before that check. */
    @Column(name = "account_checked_at")
    public Instant accountCheckedAt;
    @Column(name = "changed_at")
    public Instant changedAt;
}
