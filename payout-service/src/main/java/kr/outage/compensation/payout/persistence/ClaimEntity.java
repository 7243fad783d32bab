package kr.outage.compensation.payout.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "claim")
public class ClaimEntity extends PanacheEntityBase {

    /** Filed by the business's owner, their sign-in carrying its registration number. */
    public static final String FILED_BY_OWNER = "owner";
    /** Filed by claims staff for the business, with {@link #onBehalfReason}. */
    public static final String FILED_BY_STAFF = "staff";

    @Id
    public UUID id;
    @Column(name = "program_id")
    public UUID programId;
    @Column(name = "business_number")
    public String businessNumber;
    @Column(name = "business_name")
    public String businessName;
    public String category;
    public String service;
    /** The business's own figure; null when the claim was assessed from the platform's baseline alone. */
    @Column(name = "reported_loss")
    public Long reportedLoss;
    /** "reported" or "baseline": what the assessment was based on. */
    @Column(name = "loss_basis_kind")
    public String lossBasisKind;
    @Column(name = "loss_basis")
    public String lossBasis;
    @Column(name = "bank_name")
    public String bankName;
    /** Encrypted (see AccountVault); rows from before encryption hold the plain number until rotated. */
    @Column(name = "bank_account")
    public String bankAccount;
    /** Encrypted, like the number. */
    @Column(name = "account_holder")
    public String accountHolder;
    /** What may be shown: all but the last four digits hidden. */
    @Column(name = "bank_account_masked")
    public String bankAccountMasked;
    /** Keyed hash of the number's digits (AccountVault.hash): compares accounts without decrypting. */
    @Column(name = "bank_account_hash")
    public String bankAccountHash;
    /** {@link #FILED_BY_OWNER} or {@link #FILED_BY_STAFF}; null for claims filed before ownership was checked. */
    @Column(name = "filed_as")
    public String filedAs;
    @Column(name = "on_behalf_reason")
    public String onBehalfReason;
    /** When the bank confirmed that the account is held by the business or its representative. */
    @Column(name = "account_checked_at")
    public Instant accountCheckedAt;
    /** The representative's name (encrypted, like the holder): a corrected account may be held by them. */
    @Column(name = "representative_name")
    public String representativeName;
    /** Evidence references as a JSON array of {type, ref}. */
    public String evidence;
    public String state;
    @Column(name = "impaired_seconds")
    public long impairedSeconds;
    @Column(name = "assessed_loss")
    public long assessedLoss;
    @Column(name = "assessment_detail")
    public String assessmentDetail;
    public Integer tier;
    @Column(name = "support_amount")
    public Long supportAmount;
    @Column(name = "missing_evidence")
    public String[] missingEvidence;
    @Column(name = "filed_at")
    public Instant filedAt;
    @Column(name = "filed_by")
    public String filedBy;
    @Column(name = "approved_amount")
    public Long approvedAmount;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "recommended_amount")
    public Long recommendedAmount;
    @Column(name = "recommended_by")
    public String recommendedBy;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "payout_batch_id")
    public UUID payoutBatchId;
    @Column(name = "bank_reference")
    public String bankReference;
    @Column(name = "paid_at")
    public Instant paidAt;
    /** The platforms the business lost sales through: mobile, web, pc, or all. */
    public String[] platforms;
    /** The filer's e-mail address and mobile number for notices, encrypted like the bank account; masked copies for views. */
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "contact_email_masked")
    public String contactEmailMasked;
    @Column(name = "contact_phone_masked")
    public String contactPhoneMasked;
    @Column(name = "contact_language")
    public String contactLanguage = "ko";
    /** What the bank has paid of this claim so far (an objection may raise what it is owed afterwards). */
    @Column(name = "paid_amount")
    public long paidAmount;
    /** Transfers of this claim the bank refused so far. */
    @Column(name = "payment_failures")
    public int paymentFailures;
    @Column(name = "last_payment_failure")
    public String lastPaymentFailure;
    /** The bank's code for the last failure (see BankResultCode). */
    @Column(name = "last_payment_failure_code")
    public String lastPaymentFailureCode;
    /** Transient failures in a row on the current account (bank unavailable, timeout, daily limit). */
    @Column(name = "transient_failures")
    public int transientFailures;

    /** Approved by rule, but the program's budget is committed: no approval, no booking, until it is raised. */
    public void awaitBudget() {
        state = "awaiting_budget";
        approvedAmount = null;
        approvedBy = null;
        approvedAt = null;
    }
}
