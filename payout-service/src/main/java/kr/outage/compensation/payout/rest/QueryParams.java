package kr.outage.compensation.payout.rest;

import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemException;

/** Strict query parameters: a bad value is a 400 naming the parameter, not a silent default. */
final class QueryParams {

    private QueryParams() {
    }

    static int intInRange(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.field(GeneralProblem.INVALID_PARAMETER, name, "must be a whole number from " + min + " to " + max);
    }
}
