package kr.outage.compensation.payout.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The 2022 intake: 2022-10-19 to the end of 2022-11-06, Korean time. */
class IntakeWindowTest {

    final IntakeWindow window = new IntakeWindow(LocalDate.of(2022, 10, 19), LocalDate.of(2022, 11, 6), ZoneId.of("Asia/Seoul"));

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    void theLastSecondOfNovemberSixthInKoreaIsIn() {
        assertThat(window.isOpenAt(at("2022-11-06T23:59:59+09:00"))).isTrue();
        assertThat(window.isOpenAt(at("2022-11-06T14:59:59Z"))).isTrue();
    }

    @Test
    void theFirstSecondOfNovemberSeventhIsOut() {
        assertThat(window.isOpenAt(at("2022-11-07T00:00:00+09:00"))).isFalse();
        assertThat(window.isOpenAt(at("2022-11-06T15:00:00Z"))).isFalse();
    }

    @Test
    void opensAtMidnightKoreanTime() {
        assertThat(window.isOpenAt(at("2022-10-18T23:59:59+09:00"))).isFalse();
        assertThat(window.isOpenAt(at("2022-10-19T00:00:00+09:00"))).isTrue();
        assertThat(window.opensAt()).isEqualTo(at("2022-10-18T15:00:00Z"));
        assertThat(window.closesAt()).isEqualTo(at("2022-11-06T15:00:00Z"));
    }
}
