package kr.outage.compensation.payout.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountHolderNameTest {

    @Test
    void aCompanyIsTheSameHolderWhicheverWayTheBankWritesItsLegalForm() {
        for (String bank : List.of("(주)판교베이커리", "㈜판교베이커리", "주식회사 판교베이커리", "판교베이커리(주)", "판교 베이커리")) {
            assertThat(AccountHolderName.isOneOf(bank, List.of("판교베이커리 주식회사"))).as(bank).isTrue();
        }
        assertThat(AccountHolderName.isOneOf("HANGANG TAXI", List.of("Hangang Taxi"))).isTrue();
    }

    @Test
    void anotherNameIsAnotherHolder() {
        assertThat(AccountHolderName.isOneOf("Kim Minseo", List.of("Kim Minsu"))).isFalse();
        assertThat(AccountHolderName.isOneOf("(주)판교베이커리2", List.of("판교베이커리"))).isFalse();
        assertThat(AccountHolderName.isOneOf("박도윤", List.of("판교베이커리", "이서연"))).isFalse();
    }

    @Test
    void aNameOfNothingButLegalFormMatchesNothing() {
        assertThat(AccountHolderName.isOneOf("(주)", List.of("주식회사"))).isFalse();
        assertThat(AccountHolderName.isOneOf("", List.of(""))).isFalse();
        assertThat(AccountHolderName.isOneOf(null, List.of("x"))).isFalse();
    }
}
