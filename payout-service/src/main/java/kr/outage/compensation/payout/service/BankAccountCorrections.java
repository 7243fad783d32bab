package kr.outage.compensation.payout.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import kr.outage.compensation.payout.domain.BankAccount;
import kr.outage.compensation.payout.domain.ClaimState;
import kr.outage.compensation.payout.persistence.BankAccountChangeEntity;
import kr.outage.compensation.payout.persistence.ClaimDecisionEntity;
import kr.outage.compensation.payout.persistence.ClaimEntity;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.payout.problem.ProblemType;
import kr.outage.compensation.payout.security.AccountVault;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Corrects the bank account of a claim, as a bank would have it: the filer or an operator gives the
 * new account; the change is kept with both numbers masked; a claim whose transfer failed returns to
 * approved (the next batch pays it) only with an account different from the one that failed. After
 * {@code payout.payments.max-failures} failed transfers the filer's correction is recorded but the
 * claim waits for an operator, who confirms by correcting (or re-entering) the account themself.
 *
 * <p>The claim's row lock orders a correction against a batch taking the claim: a claim in payment
 * (its transfer with the bank) cannot be corrected until the bank has answered.
 */
@ApplicationScoped
public class BankAccountCorrections {

    @Inject
    Clock clock;
    @Inject
    AccountVault vault;
    @Inject
    PayoutAccountCheck accounts;

    @ConfigProperty(name = "payout.payments.max-failures", defaultValue = "3")
    int maxFailures;

    /** The outcome: the claim, and whether it now waits for an operator. */
    public record Corrected(ClaimEntity claim, boolean awaitingOperator) {
    }

    /**
     * Asks the bank whether the new account is held by the business or its representative, before any
     * lock is taken: only an account the bank confirms may replace the claim's.
     */
    @WithSession
    public Uni<PayoutAccountCheck.Confirmed> confirmAccount(UUID claimId, BankAccount account, Claimant by, boolean operator) {
        return ClaimEntity.<ClaimEntity>findById(claimId).chain(claim -> {
            if (claim == null || !(operator || claim.filedBy.equals(by.principal()))) {
                throw ProblemException.notFound("No claim " + claimId);
            }
            List<String> payable = new ArrayList<>();
            payable.add(claim.businessName);
            if (claim.representativeName != null) {
                payable.add(vault.decrypt(claim.representativeName, claim.id));
            }
            by.verifiedName().filter(name -> claim.filedBy.equals(by.principal())).ifPresent(payable::add);
            return accounts.confirm(account.bank(), account.number(), payable);
        });
    }

    @WithTransaction
    public Uni<Corrected> correct(UUID claimId, BankAccount account, String reason, String principal, boolean operator,
                                  PayoutAccountCheck.Confirmed confirmed) {
        return ClaimEntity.<ClaimEntity>findById(claimId, LockModeType.PESSIMISTIC_WRITE).chain(claim -> {
            // not-found rather than forbidden, so nobody can probe which claims exist
            if (claim == null || !(operator || claim.filedBy.equals(principal))) {
                throw ProblemException.notFound("No claim " + claimId);
            }
            ClaimState from = ClaimState.fromWire(claim.state);
            switch (from) {
                case IN_PAYMENT -> throw new ProblemException(ProblemType.PAYMENT_IN_PROGRESS, "Claim " + claimId
                        + " is in payment batch " + claim.payoutBatchId + "; correct its account once the bank has answered",
                        null, Map.of("state", from.wireName()));
                case PAID, REJECTED -> throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "Claim " + claimId + " is "
                        + from.wireName() + "; its bank account can no longer change", null, Map.of("state", from.wireName()));
                default -> {
                }
            }
            BankAccount old = new BankAccount(claim.bankName, vault.decrypt(claim.bankAccount, claim.id),
                    vault.decrypt(claim.accountHolder, claim.id));
            boolean failed = from == ClaimState.PAYMENT_FAILED;
            boolean operatorConfirms = failed && operator && claim.paymentFailures >= maxFailures;
            if (old.sameAs(account) && !operatorConfirms) {
                throw new ProblemException(ProblemType.ACCOUNT_UNCHANGED, failed
                        ? "The bank refused a transfer to this account (" + claim.lastPaymentFailure + "); give a corrected account"
                        : "This is the claim's account already", null, Map.of("state", from.wireName()));
            }
            Instant now = clock.instant();
            boolean awaitingOperator = failed && !operator && claim.paymentFailures >= maxFailures;
            BankAccountChangeEntity change = new BankAccountChangeEntity();
            change.id = UUID.randomUUID();
            change.claimId = claim.id;
            change.oldBank = old.bank();
            change.oldAccountMasked = old.maskedNumber();
            change.newBank = account.bank();
            change.newAccountMasked = account.maskedNumber();
            change.afterFailures = claim.paymentFailures;
            change.reason = reason;
            change.principal = principal;
            change.changedAt = now;
            claim.bankName = account.bank().trim();
            claim.bankAccount = vault.encrypt(account.number(), claim.id);
            // the holder the transfer names is the bank's, not what the form said
            claim.accountHolder = vault.encrypt(confirmed.holderName(), claim.id);
            claim.accountCheckedAt = confirmed.at();
            change.accountCheckedAt = confirmed.at();
            claim.bankAccountMasked = account.maskedNumber();
            claim.bankAccountHash = vault.hash(account.number());
            // a bank's passing trouble with the old account says nothing about the new one
            claim.transientFailures = 0;
            if (failed && !awaitingOperator) {
                claim.state = ClaimState.APPROVED.wireName();
            }
            ClaimDecisionEntity decision = new ClaimDecisionEntity();
            decision.id = UUID.randomUUID();
            decision.claimId = claim.id;
            decision.decision = "bank_account_corrected";
            decision.fromState = from.wireName();
            decision.toState = claim.state;
            decision.reason = awaitingOperator ? "after " + claim.paymentFailures + " failed transfers an operator must confirm"
                    + (reason == null ? "" : "; " + reason) : reason;
            decision.evidenceTypes = new String[0];
            decision.principal = principal;
            decision.decidedAt = now;
            return change.persist().chain(decision::persist).replaceWith(new Corrected(claim, awaitingOperator));
        });
    }
}
