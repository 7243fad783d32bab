package kr.outage.compensation.payout.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BankResultCodeTest {

    @Test
    void thePublishedPatternIsExactlyTheCodes() {
        assertThat(BankResultCode.WIRE_PATTERN).isEqualTo(Arrays.stream(BankResultCode.values())
                .map(BankResultCode::wireName).collect(Collectors.joining("|")));
    }

    @Test
    void onlyThePassingReasonsAreTransient() {
        assertThat(Arrays.stream(BankResultCode.values()).filter(c -> c.failureClass() == BankResultCode.FailureClass.TRANSIENT))
                .containsExactlyInAnyOrder(BankResultCode.BANK_UNAVAILABLE, BankResultCode.TIMEOUT, BankResultCode.DAILY_LIMIT_EXCEEDED);
        assertThat(BankResultCode.parse("other")).contains(BankResultCode.OTHER);
        assertThat(BankResultCode.parse("OTHER")).isEmpty();
        assertThat(BankResultCode.parse(null)).isEmpty();
    }
}
