package kr.outage.compensation.entitlement.rest;

import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.problem.ProblemType;

import java.util.List;

/** The Idempotency-Key header money-moving POSTs require. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKey() {
    }

    public static String require(String key) {
        if (key == null || !key.matches("[\\x21-\\x7e]{1,200}")) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REQUIRED, HEADER
                    + " header is required: 1 to 200 printable ASCII characters, new for each new request (e.g. a UUID)",
                    List.of(new Problem.FieldError(HEADER, "is required")));
        }
        return key;
    }
}
