package kr.outage.compensation.entitlement.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of an offer someone saw, made comparable: Unicode NFKC (full-width digits and letters
 * become ordinary ones, "３일" reads as "3일"), characters that take no space removed, lower case,
 * white space folded. What the normalisation had to undo is kept, because hiding characters inside
 * words and mixing look-alike letters from other alphabets are themselves signs of a lure.
 */
public record OfferText(String original, String normalized, boolean hadHiddenCharacters, boolean mixesAlphabets) {

    /** Zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen. */
    private static final Pattern HIDDEN = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    /** A word with Latin letters next to Cyrillic or Greek ones: "Меlon" with a Cyrillic М and е. */
    private static final Pattern MIXED_WORD = Pattern.compile(
            "(?=[\\p{IsLatin}\\p{IsCyrillic}\\p{IsGreek}]*\\p{IsLatin})(?=[\\p{IsLatin}\\p{IsCyrillic}\\p{IsGreek}]*[\\p{IsCyrillic}\\p{IsGreek}])"
                    + "[\\p{IsLatin}\\p{IsCyrillic}\\p{IsGreek}]+");

    public static OfferText of(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        boolean hidden = HIDDEN.matcher(nfkc).find();
        String visible = HIDDEN.matcher(nfkc).replaceAll("");
        boolean mixed = MIXED_WORD.matcher(visible).find();
        String folded = visible.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        return new OfferText(text, folded, hidden, mixed);
    }
}
