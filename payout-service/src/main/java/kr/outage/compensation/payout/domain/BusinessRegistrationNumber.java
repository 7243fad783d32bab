package kr.outage.compensation.payout.domain;

import java.util.Optional;

/**
 * A Korean business registration number (사업자등록번호) as the National Tax Service issues it:
 * ten digits written XXX-YY-ZZZZC.
 *
 * <ul>
 *   <li>XXX, the tax office that issued it (세무서 코드): offices are numbered from 101 up; 000-100
 *   name no office. (The list of offices changes with reorganisations, so the range is checked, not a
 *   list.)</li>
 *   <li>YY, the kind of business (개인·법인 구분 코드): 01-79 individual taxable businesses, 80
 *   apartment management offices and multi-level sellers, 81 and 86-88 head offices of for-profit
 *   corporations, 82 non-profit corporations, 83 the state and local governments, 84 foreign
 *   corporations, 85 branches of for-profit corporations, 89 non-corporate religious bodies, 90-99
 *   individual tax-exempt businesses. 00 is not issued.</li>
 *   <li>ZZZZ, the serial within office and kind: 0001-9999; 0000 is not issued.</li>
 *   <li>C, the check digit: weights 1,3,7,1,3,7,1,3,5 on the first nine digits, plus floor(9th digit
 *   x 5 / 10); C = (10 - sum mod 10) mod 10.</li>
 * </ul>
 * Source: the National Tax Service's description of the number's structure (국세청, 사업자등록번호
 * 체계) and the check-digit rule it publishes for validating numbers.
 */
public record BusinessRegistrationNumber(String digits) {

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};
    static final int FIRST_OFFICE = 101;

    /** What is wrong with a number, in words a person can act on. */
    public enum Defect {
        FORMAT("must be 10 digits, written 123-45-67891 or 1234567891"),
        OFFICE("its first three digits name no tax office (offices are 101 and up)"),
        KIND("its middle two digits name no kind of business (00 is not issued)"),
        SERIAL("its serial (digits 6 to 9) is 0000, which is not issued"),
        CHECK_DIGIT("its last digit is not the check digit of the first nine");

        private final String message;

        Defect(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    public BusinessRegistrationNumber {
        if (defect(digits).isPresent()) {
            throw new IllegalArgumentException("not a valid business registration number");
        }
    }

    /** Accepts "1234567891" or "123-45-67891"; empty when any rule fails. */
    public static Optional<BusinessRegistrationNumber> parse(String input) {
        String digits = normalize(input);
        return defect(digits).isEmpty() ? Optional.of(new BusinessRegistrationNumber(digits)) : Optional.empty();
    }

    /** The first rule the input breaks, or empty for a valid number. */
    public static Optional<Defect> check(String input) {
        return defect(normalize(input));
    }

    public static int checkDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNine.charAt(i) - '0') * WEIGHTS[i];
        }
        sum += (firstNine.charAt(8) - '0') * 5 / 10;
        return (10 - sum % 10) % 10;
    }

    private static String normalize(String input) {
        if (input == null) {
            return null;
        }
        return input.matches("\\d{3}-\\d{2}-\\d{5}") ? input.replace("-", "") : input;
    }

    private static Optional<Defect> defect(String digits) {
        if (digits == null || !digits.matches("[0-9]{10}")) {
            return Optional.of(Defect.FORMAT);
        }
        if (Integer.parseInt(digits.substring(0, 3)) < FIRST_OFFICE) {
            return Optional.of(Defect.OFFICE);
        }
        if (digits.startsWith("00", 3)) {
            return Optional.of(Defect.KIND);
        }
        if (digits.startsWith("0000", 5)) {
            return Optional.of(Defect.SERIAL);
        }
        if (checkDigit(digits) != digits.charAt(9) - '0') {
            return Optional.of(Defect.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /** As people write it: 123-45-67891. */
    public String formatted() {
        return format(digits);
    }

    /**
     * A stored number written as people write it, without judging it: numbers accepted before a rule
     * was added must still be shown (and paid), not fail every read.
     */
    public static String format(String tenDigits) {
        return tenDigits.length() != 10 ? tenDigits
                : tenDigits.substring(0, 3) + "-" + tenDigits.substring(3, 5) + "-" + tenDigits.substring(5);
    }
}
