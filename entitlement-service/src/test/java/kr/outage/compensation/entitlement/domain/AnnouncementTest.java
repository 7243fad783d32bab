package kr.outage.compensation.entitlement.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Announcements: the only texts the verifier calls official, compared word for word. Plain unit tests. */
class AnnouncementTest {

    private static final List<String> OFFICIAL_DOMAINS = List.of("melon.com", "kakao.com", "kakaocorp.com");

    @Test
    void theDemoCampaignsAnnouncementsAskNothingOfTheReader() throws Exception {
        for (String file : new String[]{"music_campaign.json", "gift_pack_campaign.json"}) {
            JsonNode announcement = new ObjectMapper().readTree(Path.of("../bench", file).toFile()).get("announcement");
            for (String lang : new String[]{"ko", "en"}) {
                String text = announcement.get(lang).asText();
                assertThat(LureSignals.find(OfferText.of(text), OFFICIAL_DOMAINS)).as(file + " " + lang).isEmpty();
            }
        }
    }

    @Test
    void aTextIsTheAnnouncementOnlyWordForWord() {
        Announcement a = new Announcement("멜론 이용권 만료일이 3일 늦춰졌습니다.", "Melon passes moved 3 days later.");
        assertThat(a.isSaidBy(OfferText.of("멜론 이용권 만료일이 3일 늦춰졌습니다."))).isTrue();
        // what a copy and paste changes: spaces, case, full-width digits, quotes, the final full stop
        assertThat(a.isSaidBy(OfferText.of("  \"멜론 이용권  만료일이 ３일 늦춰졌습니다\" "))).isTrue();
        assertThat(a.isSaidBy(OfferText.of("MELON passes moved 3 days later"))).isTrue();
        // a word changed, added or left out is another text
        assertThat(a.isSaidBy(OfferText.of("멜론 이용권 만료일이 30일 늦춰졌습니다."))).isFalse();
        assertThat(a.isSaidBy(OfferText.of("멜론 이용권 만료일이 3일 늦춰졌습니다. 아래 링크에서 확인하세요"))).isFalse();
        assertThat(a.isSaidBy(OfferText.of("멜론 이용권 3일"))).isFalse();
        assertThat(a.isSaidBy(OfferText.of(""))).isFalse();
    }

    @Test
    void spelledOutNumbersAreRead() {
        assertThat(OfferDescription.read(OfferText.of("Melon extended every pass by three days").normalized()).days()).containsExactly(3);
        assertThat(OfferDescription.read(OfferText.of("멜론 이용권 사흘 연장").normalized()).days()).containsExactly(3);
        assertThat(OfferDescription.read(OfferText.of("멜론 이용권 삼일 연장").normalized()).days()).containsExactly(3);
        assertThat(OfferDescription.read(OfferText.of("멜론캐시 천오백원 지급").normalized()).krw()).containsExactly(1500L);
        assertThat(OfferDescription.read(OfferText.of("톡서랍 플러스 두 달").normalized()).months()).containsExactly(2);
        assertThat(OfferDescription.read(OfferText.of("a thirty-day pass").normalized()).days()).containsExactly(30);
        // the words alone are not numbers
        assertThat(OfferDescription.read(OfferText.of("이용권 사용 안내, 사은품 증정").normalized()).specific()).isFalse();
        // digits with a Korean unit stay as they were read before
        assertThat(OfferDescription.read(OfferText.of("쇼핑쿠폰 2천원, 캐시 1만원").normalized()).krw()).containsExactly(2000L, 10_000L);
        assertThat(SpelledNumbers.sino("이만삼천")).isEqualTo(23_000);
        assertThat(SpelledNumbers.sino("십오")).isEqualTo(15);
        assertThat(SpelledNumbers.sino("삼삼")).isZero();
    }
}
