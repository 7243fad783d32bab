package kr.outage.compensation.payout.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @Test
    void aCheckDigitOfZeroIsValid() {
        // 000-00-0000?: sum 0 -> (10 - 0) % 10 = 0
        assertThat(BusinessRegistrationNumber.checkDigit("000000000")).isZero();
        assertThat(BusinessRegistrationNumber.parse("000-00-00000")).isPresent();
        // 100-00-0009?: 1*1 + 9*5 = 46, + floor(45/10) = 4 -> 50; (10 - 0) % 10 = 0
        assertThat(BusinessRegistrationNumber.checkDigit("100000009")).isZero();
        assertThat(BusinessRegistrationNumber.parse("100-00-00090")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123-45-67890", "123-45-67892", "1234567890", "12345678", "12345678901", "123-4567891",
            "abc-de-fghij", "", "123 45 67891", "１２３４５６７８９１"})
    void wrongFormatsAndCheckDigitsAreRefused(String input) {
        assertThat(BusinessRegistrationNumber.parse(input)).isEmpty();
    }
}
