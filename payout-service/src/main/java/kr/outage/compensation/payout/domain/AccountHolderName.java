package kr.outage.compensation.payout.domain;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bank account holder's name as banks print it, compared with the names a claim may be paid to.
 *
 * <p>Banks write a company's name with its legal form in one of several ways ("(주)카카오", "㈜카카오",
 * "주식회사 카카오", "카카오(주)"), with or without spaces, and Latin names in any case. Two names are
 * the same holder when they are equal after NFKC (which turns "㈜" into "(주)"), without spaces and
 * punctuation, without the legal-form words, and in lower case. Nothing looser: a near miss ("Kim
 * Minsu" and "Kim Minseo") is another person, and the claim is refused rather than paid to them.
 */
public final class AccountHolderName {

    /** Legal forms of Korean companies as they appear in account names, longest first. */
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "주식회사|유한회사|합자회사|합명회사|유한책임회사|사단법인|재단법인|\\(주\\)|\\(유\\)|\\(사\\)|\\(재\\)");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[\\s\\p{Punct}\\p{Pd}·・]+");

    private AccountHolderName() {
    }

    /** The form two names are compared in; empty when nothing but legal form and punctuation remains. */
    public static String canonical(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        folded = LEGAL_FORM.matcher(folded).replaceAll("");
        return NOT_A_LETTER.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Whether the bank's holder is one of the names the claim may be paid to. */
    public static boolean isOneOf(String bankHolder, Collection<String> payableNames) {
        String holder = canonical(bankHolder);
        return !holder.isEmpty() && payableNames.stream().filter(Objects::nonNull)
                .map(AccountHolderName::canonical).anyMatch(holder::equals);
    }
}
