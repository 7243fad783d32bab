package kr.outage.compensation.payout.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why the bank did not (or no longer) pay a transfer, as the settlement file codes it. The class
 * decides what happens to the claim: a {@link FailureClass#PERMANENT} code means the account cannot
 * take the money (closed, unknown, another holder) and the claim waits in payment_failed for a
 * corrected account; a {@link FailureClass#TRANSIENT} code means the bank could not pay today and the
 * claim goes into a later batch on the same account, until it has failed that way too often.
 *
 * <p>The list is closed on purpose: an unknown code is refused at import rather than guessed at, since
 * taking a closed account for a busy bank would send the money to it again.
 */
public enum BankResultCode {
    ACCOUNT_CLOSED(FailureClass.PERMANENT, "account closed"),
    ACCOUNT_NOT_FOUND(FailureClass.PERMANENT, "no such account"),
    HOLDER_MISMATCH(FailureClass.PERMANENT, "account holder does not match"),
    ACCOUNT_SUSPENDED(FailureClass.PERMANENT, "account suspended or seized"),
    TRANSFER_REFUSED(FailureClass.PERMANENT, "receiving bank refused the transfer"),
    BANK_UNAVAILABLE(FailureClass.TRANSIENT, "bank unavailable"),
    TIMEOUT(FailureClass.TRANSIENT, "bank did not answer in time"),
    DAILY_LIMIT_EXCEEDED(FailureClass.TRANSIENT, "daily transfer limit reached"),
    /** Any other refusal: permanent, so that an account nobody understood is never paid into again unchecked. */
    OTHER(FailureClass.PERMANENT, "refused by the bank");

    /** What a failure means for the claim. */
    public enum FailureClass {
        PERMANENT, TRANSIENT;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The codes as the settlement file writes them, for the published contract. */
    public static final String WIRE_PATTERN = "account_closed|account_not_found|holder_mismatch|account_suspended"
            + "|transfer_refused|bank_unavailable|timeout|daily_limit_exceeded|other";

    private final FailureClass failureClass;
    private final String description;

    BankResultCode(FailureClass failureClass, String description) {
        this.failureClass = failureClass;
        this.description = description;
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    /** The words used when the bank gave a code and no reason of its own. */
    public String description() {
        return description;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BankResultCode> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(value)).findFirst();
    }
}
