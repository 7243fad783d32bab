package kr.outage.compensation.payout.rest;

import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemException;

/** The Idempotency-Key header money-moving POSTs require. */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";

    private IdempotencyKey() {
    }

    static void require(String key) {
        if (key == null || !key.matches("[\\x21-\\x7e]{1,200}")) {
            throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, HEADER,
                    "header is required: 1 to 200 printable ASCII characters, new for each new request (e.g. a UUID)");
        }
    }
}
