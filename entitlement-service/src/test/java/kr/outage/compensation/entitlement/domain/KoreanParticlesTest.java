package kr.outage.compensation.entitlement.domain;

import org.junit.jupiter.api.Test;

import static kr.outage.compensation.entitlement.domain.KoreanParticles.AND;
import static kr.outage.compensation.entitlement.domain.KoreanParticles.OBJECT;
import static kr.outage.compensation.entitlement.domain.KoreanParticles.SUBJECT;
import static kr.outage.compensation.entitlement.domain.KoreanParticles.TOPIC;
import static kr.outage.compensation.entitlement.domain.KoreanParticles.TOWARD;
import static org.assertj.core.api.Assertions.assertThat;

/** The particle follows the word's last sound, as a Korean reader says it. */
class KoreanParticlesTest {

    @Test
    void hangulSyllablesWithAndWithoutAFinalConsonant() {
        assertThat(TOPIC.after("멜론")).isEqualTo("멜론은");
        assertThat(TOPIC.after("카카오")).isEqualTo("카카오는");
        assertThat(OBJECT.after("1,500원")).isEqualTo("1,500원을");
        assertThat(OBJECT.after("이용권")).isEqualTo("이용권을");
        assertThat(SUBJECT.after("보상")).isEqualTo("보상이");
        assertThat(AND.after("멜론")).isEqualTo("멜론과");
        assertThat(AND.after("지니")).isEqualTo("지니와");
    }

    @Test
    void towardTakesRoAfterRieulAsAfterAVowel() {
        assertThat(TOWARD.after("3일")).isEqualTo("3일로");
        assertThat(TOWARD.after("서울")).isEqualTo("서울로");
        assertThat(TOWARD.after("집")).isEqualTo("집으로");
        assertThat(TOWARD.after("카카오")).isEqualTo("카카오로");
    }

    @Test
    void digitsAndLatinLettersAsTheyAreReadAloud() {
        assertThat(TOPIC.after("MELON-STORE")).as("이").isEqualTo("MELON-STORE는");
        assertThat(TOWARD.after("example.com")).as("엠").isEqualTo("example.com으로");
        assertThat(TOWARD.after("bit.ly")).as("와이").isEqualTo("bit.ly로");
        assertThat(TOWARD.after("kakao.url")).as("엘").isEqualTo("kakao.url로");
        assertThat(TOPIC.after("GIFT-2022-10")).as("영").isEqualTo("GIFT-2022-10은");
        assertThat(TOPIC.after("PASS-3")).as("삼").isEqualTo("PASS-3은");
        assertThat(TOPIC.after("PASS-2")).as("이").isEqualTo("PASS-2는");
        assertThat(OBJECT.after("LOGIN")).as("엔").isEqualTo("LOGIN을");
    }

    @Test
    void punctuationAfterTheWordIsSkipped() {
        assertThat(TOPIC.after("멜론(Melon)")).as("엔").isEqualTo("멜론(Melon)은");
        assertThat(OBJECT.after("\"3일\"")).isEqualTo("\"3일\"을");
        assertThat(TOPIC.after("")).isEqualTo("는");
    }
}
