package kr.outage.compensation.entitlement.domain;

/**
 * Korean particles chosen by the sound a word ends with, so a sentence built around a code, a
 * domain or an amount reads as a person would write it ("MELON-STORE는", "example.com으로",
 * "1,500원을") instead of showing both forms ("은(는)"), which reads as a form letter, and form
 * letters are what people learn to distrust in a notice about compensation.
 *
 * <p>The sound is that of the last Hangul syllable, digit or Latin letter as read aloud in Korean
 * (digits as Sino-Korean numbers, letters by their Korean names); punctuation after it is skipped.
 */
public enum KoreanParticles {
    TOPIC("은", "는"),
    SUBJECT("이", "가"),
    OBJECT("을", "를"),
    AND("과", "와"),
    /** 으로 after a final consonant other than ㄹ; 로 after a vowel or ㄹ. */
    TOWARD("으로", "로");

    private static final int HANGUL_FIRST = 0xAC00;
    private static final int HANGUL_LAST = 0xD7A3;
    private static final int RIEUL = 8;
    /** Digits read as Sino-Korean numbers: 영 일 이 삼 사 오 육 칠 팔 구; final consonant index, 0 for none. */
    private static final int[] DIGIT_FINAL = {21, RIEUL, 0, 16, 0, 0, 1, RIEUL, RIEUL, 0};

    private final String afterConsonant;
    private final String afterVowel;

    KoreanParticles(String afterConsonant, String afterVowel) {
        this.afterConsonant = afterConsonant;
        this.afterVowel = afterVowel;
    }

    /** {@code word} followed by this particle in the form its last sound takes. */
    public String after(String word) {
        int fin = finalConsonant(word);
        boolean consonant = fin > 0 && !(this == TOWARD && fin == RIEUL);
        return word + (consonant ? afterConsonant : afterVowel);
    }

    /** The final consonant's index (Unicode jongseong order, 0 = none) of the last sound of {@code word}. */
    static int finalConsonant(String word) {
        for (int i = word.length() - 1; i >= 0; i--) {
            char c = word.charAt(i);
            if (c >= HANGUL_FIRST && c <= HANGUL_LAST) {
                return (c - HANGUL_FIRST) % 28;
            }
            if (c >= '0' && c <= '9') {
                return DIGIT_FINAL[c - '0'];
            }
            char letter = Character.toLowerCase(c);
            if (letter >= 'a' && letter <= 'z') {
                // 엘 and 알 end in ㄹ, 엠 in ㅁ, 엔 in ㄴ; every other letter's Korean name ends in a vowel
                return switch (letter) {
                    case 'l', 'r' -> RIEUL;
                    case 'm' -> 16;
                    case 'n' -> 4;
                    default -> 0;
                };
            }
        }
        return 0;
    }
}
