package kr.outage.compensation.incident.page;

import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the pages write times and durations: always in Korean Standard Time, which is what the
 * people reading them live in, and durations as hours and minutes ("127시간 30분" / "127 h 30 min")
 * rather than ISO-8601, which the API keeps.
 */
@TemplateExtension
public final class KstFormat {

    static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MM/dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter ISO_KST = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZONE);

    private KstFormat() {
    }

    /** {@code {at.kst}}: "2022-10-15 15:19". */
    static String kst(Instant at) {
        return at == null ? "" : FULL.format(at);
    }

    /** {@code {at.kstShort}}: "10/15 18:00", for axis ticks. */
    static String kstShort(Instant at) {
        return at == null ? "" : TICK.format(at);
    }

    /** {@code {at.kstIso}}: machine-readable, for {@code <time datetime>}. */
    static String kstIso(Instant at) {
        return at == null ? "" : ISO_KST.format(at);
    }

    /** {@code {duration.hoursMinutes(lang)}}: "127시간 30분" or "127 h 30 min"; "0분" for nothing. */
    static String hoursMinutes(Duration duration, String lang) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        boolean english = "en".equals(lang);
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(String.format("%,d", hours)).append(english ? " h" : "시간");
        }
        if (minutes > 0 || hours == 0) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(minutes).append(english ? " min" : "분");
        }
        return text.toString();
    }
}
