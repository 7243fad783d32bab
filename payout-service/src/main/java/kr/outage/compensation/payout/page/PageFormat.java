package kr.outage.compensation.payout.page;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console writes money ("30,000원"), counts and times (KST). */
@TemplateExtension
public final class PageFormat {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Seoul"));

    private PageFormat() {
    }

    /** {@code {fmt:won(amount)}}: "30,000원", or "–" where there is no amount (yet). */
    @TemplateExtension(namespace = "fmt")
    static String won(Long amount) {
        return amount == null ? "–" : String.format("%,d원", amount);
    }

    /** {@code {fmt:hoursMinutes(seconds, lang)}}: "28시간 41분" or "28 h 41 min". */
    @TemplateExtension(namespace = "fmt")
    static String hoursMinutes(long seconds, String lang) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return "en".equals(lang) ? hours + " h " + minutes + " min" : hours + "시간 " + minutes + "분";
    }

    /** {@code {count.grouped}}: "1,000". */
    static String grouped(long count) {
        return String.format("%,d", count);
    }

    /** {@code {fmt:kst(at)}}: "2022-10-20 14:05 KST", or "–" where there is no instant (yet). */
    @TemplateExtension(namespace = "fmt")
    static String kst(Instant at) {
        return at == null ? "–" : FULL.format(at) + " KST";
    }
}
