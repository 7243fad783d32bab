package kr.outage.compensation.payout.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.persistence.ApprovalFacts;
import kr.outage.compensation.platform.approval.ApprovableAction;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;

import java.util.Map;
import java.util.UUID;

/**
 * The payout batch actions that need a second payout approver: releasing the bank-transfer file
 * (every account number in clear), importing the bank's settlement, and recording transfers the bank
 * returned (a return makes a paid claim payable again, to an account that can then be changed: one
 * person alone could otherwise pay a claim twice). The approver sees the batch's
 * items and total as they were when asked; a batch changed since voids it.
 */
public abstract class PayoutBatchApprovals implements ApprovableAction {

    public static final String RELEASE = "payout.batch.release";
    public static final String SETTLE = "payout.batch.settle";
    public static final String RETURN = "payout.batch.return";

    @Inject
    ApprovalFacts facts;

    @Override
    public String makerRole() {
        return Roles.PAYOUT_APPROVER;
    }

    @Override
    public String checkerRole() {
        return Roles.PAYOUT_APPROVER;
    }

    @Override
    public Frozen freeze(String subject) {
        UUID batch = batchId(subject);
        String before = fingerprint(subject);
        Map<String, Object> summary = facts.batchSummary(batch).orElseThrow(() -> ProblemException.notFound("No payout batch " + batch));
        return new Frozen(summary, before);
    }

    @Override
    public String fingerprint(String subject) {
        UUID batch = batchId(subject);
        return facts.batchFingerprint(batch).orElseThrow(() -> ProblemException.notFound("No payout batch " + batch));
    }

    private static UUID batchId(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No payout batch " + subject);
        }
    }

    /** Downloading the bank-transfer file. */
    @ApplicationScoped
    public static class Release extends PayoutBatchApprovals {
        @Override
        public String name() {
            return RELEASE;
        }
    }

    /** Importing the bank's results for the batch. */
    @ApplicationScoped
    public static class Settle extends PayoutBatchApprovals {
        @Override
        public String name() {
            return SETTLE;
        }
    }

    /** Recording transfers the bank returned after settlement. */
    @ApplicationScoped
    public static class Return extends PayoutBatchApprovals {
        @Override
        public String name() {
            return RETURN;
        }
    }
}
