package kr.outage.compensation.platform.notice;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code printed in every notice the suite sends: 60 random bits written as twelve characters of
 * Crockford's base 32 in three groups ({@code K7QM-2XRD-9FHA}). Sixty bits, so that guessing one
 * (at the verifier's per-client rate limit) would take longer than any notice is kept; Crockford's
 * alphabet, so that a code read aloud or typed from a screen has no I/L/O/U to confuse with 1/0/V.
 * Stored as the number. Every service that sends notices prints its codes this way, so the one verifier
 * can read them all.
 */
public record NoticeCode(long value) {

    /** 60 bits: the top four bits of a positive long stay clear. */
    public static final long MAX = (1L << 60) - 1;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String CLASS = "[0-9a-hjkmnp-tv-z]";
    /**
     * In normalised (lower-case) text: as printed, with hyphens, or as twelve characters with at least
     * one digit. Not with spaces: "they were here" would be a code.
     */
    private static final Pattern IN_TEXT = Pattern.compile("(?<![0-9a-z-])(?:(" + CLASS + "{4})-(" + CLASS + "{4})-(" + CLASS
            + "{4})|(?=[a-z]*[0-9])(" + CLASS + "{4})(" + CLASS + "{4})(" + CLASS + "{4}))(?![0-9a-z-])");
    private static final SecureRandom RANDOM = new SecureRandom();

    public NoticeCode {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("a notice code is a 60-bit number");
        }
    }

    /** A fresh code (the database draws its own; this one is for notices written outside a run, and tests). */
    public static NoticeCode random() {
        return new NoticeCode(RANDOM.nextLong() & MAX);
    }

    /** The code as printed: {@code XXXX-XXXX-XXXX}. */
    public String printed() {
        StringBuilder out = new StringBuilder(14);
        for (int i = 11; i >= 0; i--) {
            out.append(ALPHABET.charAt((int) ((value >>> (5 * i)) & 31)));
            if (i == 8 || i == 4) {
                out.append('-');
            }
        }
        return out.toString();
    }

    /** A printed code back to its number; empty when it is not one (any case, hyphens or spaces optional). */
    public static Optional<NoticeCode> parse(String printed) {
        if (printed == null) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(printed.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(decode(m)) : Optional.empty();
    }

    /** Every code-shaped group of twelve characters in a normalised (lower-case) text, in order, without repeats. */
    public static Set<NoticeCode> findIn(String normalized) {
        Set<NoticeCode> out = new LinkedHashSet<>();
        for (Matcher m = IN_TEXT.matcher(normalized); m.find(); ) {
            out.add(decode(m));
        }
        return out;
    }

    private static NoticeCode decode(Matcher m) {
        int first = m.group(1) != null ? 1 : 4;
        String digits = (m.group(first) + m.group(first + 1) + m.group(first + 2)).toUpperCase(Locale.ROOT);
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = (value << 5) | ALPHABET.indexOf(digits.charAt(i));
        }
        return new NoticeCode(value);
    }

    @Override
    public String toString() {
        return printed();
    }
}
