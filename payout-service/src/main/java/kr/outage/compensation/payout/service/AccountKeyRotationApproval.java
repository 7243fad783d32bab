package kr.outage.compensation.payout.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.persistence.ApprovalFacts;
import kr.outage.compensation.payout.security.AccountVault;
import kr.outage.compensation.platform.approval.ApprovableAction;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Re-encrypting every bank account under the newest key touches all of them: a second payout approver
 * agrees first. Its subject is always {@code account-key}; the current key changing voids it.
 */
@ApplicationScoped
public class AccountKeyRotationApproval implements ApprovableAction {

    public static final String NAME = "payout.account-key.rotate";
    public static final String SUBJECT = "account-key";

    @Inject
    AccountVault vault;
    @Inject
    ApprovalFacts facts;

    @Override
    public String name() {
        return NAME;
    }

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
        String current = fingerprint(subject);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("currentKey", current);
        summary.put("accountsUnderOtherKeys", facts.accountsNotUnder(current));
        return new Frozen(summary, current);
    }

    @Override
    public String fingerprint(String subject) {
        if (!SUBJECT.equals(subject)) {
            throw ProblemException.notFound("The account key rotation's subject is '" + SUBJECT + "'");
        }
        return vault.currentKeyId();
    }
}
