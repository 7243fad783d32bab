package kr.outage.compensation.payout.client;

import kr.outage.compensation.payout.problem.ProblemType;
import kr.outage.compensation.platform.problem.ProblemException;

/**
 * The bank gateway did not say who holds the account (timeout, server error, circuit open). Nothing
 * was stored or changed; the same request can simply be sent again: a 503 with Retry-After.
 */
public class BankInquiryUnavailable extends ProblemException {

    private static final int RETRY_AFTER_SECONDS = 30;

    public BankInquiryUnavailable(Throwable cause) {
        super(ProblemType.BANK_INQUIRY_UNAVAILABLE, "The bank could not confirm the account's holder now ("
                + cause.getClass().getSimpleName() + "); nothing was stored, please retry", null, null, cause);
    }

    @Override
    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
