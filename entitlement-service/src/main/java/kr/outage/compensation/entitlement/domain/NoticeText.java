package kr.outage.compensation.entitlement.domain;

import kr.outage.compensation.platform.notice.NoticeCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of one person's notice: the campaign's announcement, exactly as published, in one of its
 * languages, and a last line with the notice's own code and the official verify page. Nothing in it
 * is per person but the code, so a sent notice is kept as its code and campaign and its text can be
 * written again, word for word, whenever someone asks whether a message is one of ours.
 */
public final class NoticeText {

    private NoticeText() {
    }

    /** Korean or English: a notice is sent in one, the verifier accepts either. */
    public enum Language {
        KO, EN
    }

    /** The notice in {@code language}, or empty when the announcement has no text in it. */
    public static Optional<String> render(Announcement announcement, NoticeCode code, Language language, String verifyUrl) {
        if (announcement == null) {
            return Optional.empty();
        }
        String body = language == Language.KO ? announcement.ko() : announcement.en();
        if (body == null) {
            return Optional.empty();
        }
        String codeLine = language == Language.KO
                ? "확인 코드 " + code.printed() + " · 진위 확인: " + verifyUrl
                : "Check code " + code.printed() + " · verify at " + verifyUrl;
        return Optional.of(body + "\n\n" + codeLine);
    }

    /** Every text the notice could have been sent as (one per language the announcement has). */
    public static List<String> renderings(Announcement announcement, NoticeCode code, String verifyUrl) {
        List<String> out = new ArrayList<>();
        for (Language language : Language.values()) {
            render(announcement, code, language, verifyUrl).ifPresent(out::add);
        }
        return out;
    }

    /** The language a person is written to in: Korean for Korean accounts when there is a Korean text. */
    public static Language languageFor(Announcement announcement, String country) {
        boolean korean = "KR".equalsIgnoreCase(country);
        if (korean && announcement.ko() != null || announcement.en() == null) {
            return Language.KO;
        }
        return Language.EN;
    }
}
