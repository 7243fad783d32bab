package kr.outage.compensation.entitlement.page;

import io.quarkus.qute.TemplateExtension;
import kr.outage.compensation.entitlement.domain.Remedy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the pages write money ("30,000원"), times (KST) and what a remedy gives, in the reader's language. */
@TemplateExtension
public final class PageFormat {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(KST);

    private PageFormat() {
    }

    /** {@code {amount.won}}: "30,000원". */
    static String won(long amount) {
        return String.format("%,d원", amount);
    }

    /**
     * {@code {text.writtenIn}}: "ko" for a text with Hangul in it, else "en". Campaign data (titles,
     * group names) is written in one language whatever the page's is; marked with its own, a screen
     * reader reads it in the right voice.
     */
    static String writtenIn(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)
                ? "ko" : "en";
    }

    /** {@code {count.grouped}}: "1,000,000". */
    static String grouped(long count) {
        return String.format("%,d", count);
    }

    /** {@code {at.kst}}: "2023-01-20 23:59:59 KST". */
    static String kst(Instant at) {
        return at == null ? "" : FULL.format(at) + " KST";
    }

    /** {@code {remedy.describe(lang)}}: "다음 결제일 3일 연장" / "next billing date +3 days". */
    static String describe(Remedy remedy, String lang) {
        boolean en = "en".equals(lang);
        String label = remedy.label() != null ? remedy.label() : remedy.itemCode();
        return switch (remedy.type()) {
            case EXTEND_BILLING_DATE -> en ? "next billing date +" + remedy.days() + " days" : "다음 결제일 " + remedy.days() + "일 연장";
            case EXTEND_EXPIRY -> en ? "pass expiry +" + remedy.days() + " days" : "이용권 만료일 " + remedy.days() + "일 연장";
            case CREDIT_CASH -> en ? won(remedy.amountKrw()) + " cash" : "캐시 " + won(remedy.amountKrw());
            // a label that already says how long ("이모티콘 A (90일)") is shown as it is
            case GRANT_ITEM -> label.contains("(") ? label : remedy.days() == null
                    ? (en ? label + " (permanent)" : label + " (영구)")
                    : (en ? label + " (" + remedy.days() + " days)" : label + " (" + remedy.days() + "일)");
            case GRANT_COUPON -> en ? won(remedy.amountKrw()) + " coupon, valid until " + kst(remedy.validUntil())
                    : won(remedy.amountKrw()) + " 쿠폰 (" + kst(remedy.validUntil()) + "까지)";
            case CLAIMABLE_ITEM -> en ? label + " for the first " + grouped(remedy.cap()) + " claimants, claim by " + kst(remedy.claimDeadline())
                    : label + " (선착순 " + grouped(remedy.cap()) + "명, " + kst(remedy.claimDeadline()) + "까지 신청)";
            case STORE_EXTENSION -> en ? "renewal date +" + remedy.days() + " days through the App Store or Google Play"
                    + " (where the store cannot: " + won(remedy.fallbackKrw()) + " cash)"
                    : "앱스토어·구글 플레이 결제일 " + remedy.days() + "일 연장 (불가 시 캐시 " + won(remedy.fallbackKrw()) + ")";
        };
    }
}
