package kr.outage.compensation.payout.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.client.AccountHolders;
import kr.outage.compensation.payout.client.BankInquiryUnavailable;
import kr.outage.compensation.payout.domain.AccountHolderName;
import kr.outage.compensation.payout.problem.ProblemType;
import kr.outage.compensation.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Support is paid only into an account the bank says is held by the business or by its
 * representative: the bank's own answer decides, never the holder name a form was given. The
 * refusal does not repeat what the bank said (an inquiry must not become a way to learn whose an
 * account is).
 */
@ApplicationScoped
public class PayoutAccountCheck {

    @Inject
    AccountHolders holders;
    @Inject
    Clock clock;

    /** What the bank confirmed: its holder's name for the account, and when. */
    public record Confirmed(String holderName, Instant at) {
    }

    public Uni<Confirmed> confirm(String bank, String accountNumber, List<String> payableNames) {
        return holders.holderOf(bank, accountNumber)
                .onFailure(f -> !(f instanceof ProblemException)).transform(BankInquiryUnavailable::new)
                .map(holder -> {
                    if (holder.isEmpty()) {
                        throw ProblemException.field(ProblemType.ACCOUNT_NOT_FOUND, "bankAccount",
                                "the bank knows no open account " + bank + " " + accountNumber + "; check the bank and the number");
                    }
                    if (!AccountHolderName.isOneOf(holder.get(), payableNames)) {
                        throw ProblemException.field(ProblemType.ACCOUNT_HOLDER_MISMATCH, "bankAccount",
                                "the bank's holder of this account is neither the business nor its representative; "
                                        + "support is paid only into the business's or the representative's own account");
                    }
                    return new Confirmed(holder.get(), clock.instant());
                });
    }
}
