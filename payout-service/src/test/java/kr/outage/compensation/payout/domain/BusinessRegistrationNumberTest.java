package kr.outage.compensation.payout.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessRegistrationNumberTest {

    @Test
    void checkDigitFollowsTheNationalTaxServiceRule() {
        // 123-45-6789?: 1*1+2*3+3*7+4*1+5*3+6*7+7*1+8*3+9*5 = 165, + floor(9*5/10) = 4 -> 169; (10 - 9) % 10 = 1
        assertThat(BusinessRegistrationNumber.checkDigit("123456789")).isEqualTo(1);
        assertThat(BusinessRegistrationNumber.parse("123-45-67891")).isPresent();
        assertThat(BusinessRegistrationNumber.parse("1234567891")).map(BusinessRegistrationNumber::formatted)
                .contains("123-45-67891");
    }

    /** Numbers of the real format: individual, corporate head office, non-profit, state, tax-exempt. */
    @ParameterizedTest
    @ValueSource(strings = {"123-45-67891", "220-81-62517", "116-82-00276", "101-01-00014", "999-99-99997"})
    void realFormatNumbersAreValid(String number) {
        String nine = number.replace("-", "").substring(0, 9);
        assertThat(number).endsWith(String.valueOf(BusinessRegistrationNumber.checkDigit(nine)));
        assertThat(BusinessRegistrationNumber.check(number)).isEmpty();
        assertThat(BusinessRegistrationNumber.parse(number)).isPresent();
    }

    /** Each kind of invalid number, with a correct check digit, so that only the rule named can refuse it. */
    @ParameterizedTest
    @CsvSource({
            "000-00-00000, OFFICE",      // its check digit happens to work: the number that used to pass
            "100-45-67898, OFFICE",      // 100: below the first office
            "099-45-67899, OFFICE",
            "123-00-67890, KIND",        // no kind 00
            "123-45-00003, SERIAL",      // serial 0000
            "123-45-67890, CHECK_DIGIT",
            "123-45-67892, CHECK_DIGIT",
            "1234567, FORMAT",
            "12345678901, FORMAT",
            "123-4567891, FORMAT",
            "abc-de-fghij, FORMAT"})
    void eachRuleRefusesItsKindOfInvalidNumber(String number, BusinessRegistrationNumber.Defect defect) {
        String digits = number.replace("-", "");
        if (digits.matches("\\d{10}") && defect != BusinessRegistrationNumber.Defect.CHECK_DIGIT) {
            assertThat(digits.charAt(9) - '0').as("check digit of %s", number)
                    .isEqualTo(BusinessRegistrationNumber.checkDigit(digits.substring(0, 9)));
        }
        assertThat(BusinessRegistrationNumber.check(number)).contains(defect);
        assertThat(BusinessRegistrationNumber.parse(number)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123 45 67891", "１２３４５６７８９１", "123-45-6789１"})
    void wrongFormatsAreRefused(String input) {
        assertThat(BusinessRegistrationNumber.check(input)).contains(BusinessRegistrationNumber.Defect.FORMAT);
        assertThat(BusinessRegistrationNumber.parse(input)).isEmpty();
    }

    @Test
    void aStoredNumberIsShownEvenIfARuleWasAddedSince() {
        assertThat(BusinessRegistrationNumber.format("0000000000")).isEqualTo("000-00-00000");
        assertThat(BusinessRegistrationNumber.parse(null)).isEmpty();
    }
}
