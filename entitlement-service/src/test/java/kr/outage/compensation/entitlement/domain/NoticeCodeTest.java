package kr.outage.compensation.entitlement.domain;

import kr.outage.compensation.platform.notice.NoticeCode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Notice codes: printed, read back and found in pasted text. Plain unit tests. */
class NoticeCodeTest {

    @Test
    void aCodeIsPrintedInThreeGroupsOfCrockfordBase32AndReadBack() {
        for (int i = 0; i < 10_000; i++) {
            NoticeCode code = NoticeCode.random();
            String printed = code.printed();
            assertThat(printed).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            assertThat(NoticeCode.parse(printed)).contains(code);
            assertThat(NoticeCode.parse(printed.toLowerCase())).contains(code);
        }
        assertThat(new NoticeCode(0).printed()).isEqualTo("0000-0000-0000");
        assertThat(new NoticeCode(NoticeCode.MAX).printed()).isEqualTo("ZZZZ-ZZZZ-ZZZZ");
        assertThatThrownBy(() -> new NoticeCode(NoticeCode.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeCode(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesAreSixtyRandomBits() {
        Set<Long> seen = new HashSet<>();
        long orOfAll = 0;
        for (int i = 0; i < 100_000; i++) {
            long v = NoticeCode.random().value();
            seen.add(v);
            orOfAll |= v;
        }
        assertThat(seen).hasSize(100_000);
        assertThat(orOfAll).isEqualTo(NoticeCode.MAX);
    }

    @Test
    void lettersThatLookAlikeAreNotPartOfTheAlphabet() {
        // I, L, O and U are not Crockford digits: a code with them is no code
        assertThat(NoticeCode.parse("K7QM-2XRD-9FHI")).isEmpty();
        assertThat(NoticeCode.parse("K7QM-2XRD-9FHO")).isEmpty();
        assertThat(NoticeCode.parse("K7QM-2XRD")).isEmpty();
        assertThat(NoticeCode.parse("K7QM-2XRD-9FHA-1")).isEmpty();
        assertThat(NoticeCode.parse(null)).isEmpty();
    }

    @Test
    void codesAreFoundInPastedTextWithHyphensOrAsTwelveCharactersWithADigit() {
        NoticeCode code = NoticeCode.parse("K7QM-2XRD-9FHA").orElseThrow();
        assertThat(NoticeCode.findIn(OfferText.of("확인 코드 K7QM-2XRD-9FHA · 진위 확인").normalized())).containsExactly(code);
        assertThat(NoticeCode.findIn(OfferText.of("code: k7qm2xrd9fha.").normalized())).containsExactly(code);
        // ordinary words are not codes: three four-letter words, a twelve-letter word, a campaign code
        assertThat(NoticeCode.findIn(OfferText.of("they were here, strengthened, MELON-2022-1015").normalized())).isEmpty();
        assertThat(NoticeCode.findIn(OfferText.of("K7QM-2XRD-9FHAB").normalized())).isEmpty();
    }

    @Test
    void whatChangedBetweenTwoTextsIsSaidInRunsOfWords() {
        WordDiff d = WordDiff.between("your pass moved 3 days later. nothing to do.",
                "your pass moved 3 days later. reply with your account number to receive 1,500 won.");
        assertThat(d.added()).containsExactly("reply with your account number to receive 1,500 won.");
        assertThat(d.removed()).containsExactly("nothing to do.");
        assertThat(WordDiff.between("a b c", "a b c").same()).isTrue();
        assertThat(WordDiff.between("", "a").added()).containsExactly("a");
        assertThat(WordDiff.between("a x b", "a b").removed()).isEqualTo(List.of("x"));
    }
}
