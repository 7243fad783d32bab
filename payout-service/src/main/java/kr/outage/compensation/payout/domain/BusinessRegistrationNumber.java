package kr.outage.compensation.payout.domain;

import java.util.Optional;

/**
 * A Korean business registration number (사업자등록번호): 10 digits, usually written 123-45-67890,
 * whose last digit is a check digit. Weights 1,3,7,1,3,7,1,3,5 on the first nine digits, plus
 * floor(9th digit x 5 / 10); check = (10 - sum mod 10) mod 10.
 */
public record BusinessRegistrationNumber(String digits) {

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    public BusinessRegistrationNumber {
        if (!isValid(digits)) {
            throw new IllegalArgumentException("not a valid business registration number");
        }
    }

    /** Accepts "1234567890" or "123-45-67890"; empty when the format or the check digit is wrong. */
    public static Optional<BusinessRegistrationNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.matches("\\d{3}-\\d{2}-\\d{5}") ? input.replace("-", "") : input;
        return isValid(digits) ? Optional.of(new BusinessRegistrationNumber(digits)) : Optional.empty();
    }

    public static int checkDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNine.charAt(i) - '0') * WEIGHTS[i];
        }
        sum += (firstNine.charAt(8) - '0') * 5 / 10;
        return (10 - sum % 10) % 10;
    }

    private static boolean isValid(String digits) {
        return digits != null && digits.matches("\\d{10}") && checkDigit(digits) == digits.charAt(9) - '0';
    }

    /** As people write it: 123-45-67890. */
    public String formatted() {
        return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }
}
