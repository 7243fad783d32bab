package kr.outage.compensation.entitlement.domain;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a campaign tells people, in Korean and English: what was given and until when, with no link
 * but the official verify page and no request to do anything. The verifier calls a pasted text
 * {@code official} only when it is one of these texts (after {@link OfferText}'s normalisation), so
 * the wording is data, reviewed in the draft and fixed when the campaign is published.
 */
public record Announcement(String ko, String en) {

    /** Whether the text, as normalised, is the Korean or the English announcement. */
    public boolean isSaidBy(OfferText text) {
        return Stream.of(ko, en).filter(a -> a != null && !a.isBlank()).anyMatch(a -> sameWording(a, text));
    }

    /** Whether {@code text} says {@code written} word for word, after normalisation. */
    static boolean sameWording(String written, OfferText text) {
        return comparable(OfferText.of(written).normalized()).equals(comparable(text.normalized()));
    }

    /** A normalised text with what a copy and paste adds or loses at its ends taken off. */
    static String comparable(OfferText text) {
        return comparable(text.normalized());
    }

    public static Optional<Announcement> of(String ko, String en) {
        boolean any = (ko != null && !ko.isBlank()) || (en != null && !en.isBlank());
        return any ? Optional.of(new Announcement(blankToNull(ko), blankToNull(en))) : Optional.empty();
    }

    /** A copy pasted from a message loses its final full stop or gains quotes: those do not change what it says. */
    private static String comparable(String normalized) {
        return normalized.replaceAll("^[\\s\"'“”‘’「」『』]+|[\\s\"'“”‘’「」『』.。!]+$", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
