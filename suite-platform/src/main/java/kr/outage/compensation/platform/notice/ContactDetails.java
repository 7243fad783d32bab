package kr.outage.compensation.platform.notice;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach a person with a notice: an e-mail address, a mobile number, or both. Personal data:
 * stored encrypted, shown only masked ({@link #maskedEmail()}, {@link #maskedPhone()}), never logged.
 * Mobile numbers are Korean ones (010, 011, 016-019) or international in E.164 form; they are kept in
 * E.164 so the messaging provider gets one form.
 */
public record ContactDetails(String email, String phone) {

    /** Deliberately plain: one @, a dot in the domain, no spaces or angle brackets; 254 characters at most. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern KOREAN_MOBILE = Pattern.compile("01([016789])-?(\\d{3,4})-?(\\d{4})");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    /** The details read from an import's fields (either may be empty, not both); throws with a reason otherwise. */
    public static ContactDetails of(String email, String phone) {
        String e = email == null || email.isBlank() ? null : email.strip();
        String p = phone == null || phone.isBlank() ? null : phone.strip();
        if (e == null && p == null) {
            throw new IllegalArgumentException("give an email or a phone (or both)");
        }
        if (e != null && (e.length() > 254 || !EMAIL.matcher(e).matches())) {
            throw new IllegalArgumentException("email must be an address like name@example.com");
        }
        return new ContactDetails(e == null ? null : e.toLowerCase(Locale.ROOT), p == null ? null : normalisedPhone(p));
    }

    private static String normalisedPhone(String phone) {
        var korean = KOREAN_MOBILE.matcher(phone);
        if (korean.matches()) {
            return "+821" + korean.group(1) + korean.group(2) + korean.group(3);
        }
        if (E164.matcher(phone).matches()) {
            return phone;
        }
        throw new IllegalArgumentException("phone must be a mobile number like 010-1234-5678 or +821012345678");
    }

    public Optional<String> maskedEmail() {
        return Optional.ofNullable(email).map(ContactDetails::maskEmail);
    }

    public Optional<String> maskedPhone() {
        return Optional.ofNullable(phone).map(ContactDetails::maskPhone);
    }

    /** {@code m***@example.com}: enough for its owner to recognise, nothing for anyone else. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** {@code 010-****-5678} for Korean numbers, {@code +44*******678} for others. */
    static String maskPhone(String e164) {
        if (e164.startsWith("+82") && e164.length() >= 12) {
            String national = "0" + e164.substring(3);
            return national.substring(0, 3) + "-****-" + national.substring(national.length() - 4);
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 6) + e164.substring(e164.length() - 3);
    }

    /** Never the details themselves: a record's default toString would print them into a log line. */
    @Override
    public String toString() {
        return "ContactDetails[" + maskedEmail().orElse("-") + ", " + maskedPhone().orElse("-") + "]";
    }
}
