package kr.outage.compensation.payout.domain;

import kr.outage.compensation.platform.notice.NoticeCode;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * What a claim's filer is told, per event, in Korean or English. Every text says what happened and
 * what (if anything) to do in the official app or site; none carries a link but the verify page, and
 * none asks for bank details or anything else: a payment failure says to correct the account in the
 * official app or site. The last line is the notice's code and the verify page, as in every notice
 * the suite sends, so the verifier can vouch for it.
 */
public final class ClaimantNotice {

    /** The events a filer is told of. */
    public enum Event {
        FILED, APPROVED, REJECTED, PAID, PAYMENT_FAILED;

        public static Event fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** The facts a text is made of: the program, the business, an amount or a reason as the event has them. */
    public record Facts(String program, String business, Long amount, String reason, int objectionDays) {
    }

    private ClaimantNotice() {
    }

    public static String subject(String language, String program) {
        return "en".equals(language) ? "Support claim notice: " + program : "[지원금 안내] " + program;
    }

    public static String render(Event event, Facts f, String language, NoticeCode code, String verifyUrl) {
        return "en".equals(language) ? english(event, f) + "\nCheck code " + code.printed() + " · verify at " + verifyUrl
                : korean(event, f) + "\n확인 코드 " + code.printed() + " · 진위 확인: " + verifyUrl;
    }

    private static String korean(Event event, Facts f) {
        String head = "[" + f.program() + "] " + f.business() + " ";
        return switch (event) {
            case FILED -> head + "피해 지원 신청이 접수되었습니다. 심사 결과도 이 알림으로 알려 드립니다.";
            case APPROVED -> head + "신청이 승인되었습니다. 지원금 " + won(f.amount()) + "원은 신청하신 계좌로 지급됩니다.";
            case REJECTED -> head + "신청은 지원 대상이 아닌 것으로 결정되었습니다. 사유: " + f.reason()
                    + "\n결정에 이의가 있으면 " + f.objectionDays() + "일 안에 공식 앱 또는 사이트에서 이의신청할 수 있습니다.";
            case PAID -> head + "앞으로 지원금이 지급되었습니다. 지금까지 지급액 " + won(f.amount()) + "원.";
            case PAYMENT_FAILED -> head + "앞 지원금 이체가 완료되지 않았습니다. 사유: " + f.reason()
                    + "\n공식 앱 또는 사이트에서 계좌를 확인하고 정정해 주세요. 이 알림으로 계좌 정보를 묻는 일은 없습니다.";
        };
    }

    private static String english(Event event, Facts f) {
        String head = "[" + f.program() + "] ";
        return switch (event) {
            case FILED -> head + "The support claim of " + f.business() + " was received. You will be told of the decision "
                    + "the same way.";
            case APPROVED -> head + "The support claim of " + f.business() + " was approved: KRW " + won(f.amount())
                    + " will be paid to the account given.";
            case REJECTED -> head + "The support claim of " + f.business() + " was not approved. Reason: " + f.reason()
                    + "\nYou may object within " + f.objectionDays() + " days in the official app or site.";
            case PAID -> head + "Support was paid to " + f.business() + ": KRW " + won(f.amount()) + " in all so far.";
            case PAYMENT_FAILED -> head + "The transfer to " + f.business() + " did not go through. Reason: " + f.reason()
                    + "\nPlease check and correct the account in the official app or site. This notice never asks for "
                    + "bank details.";
        };
    }

    private static String won(Long amount) {
        return NumberFormat.getIntegerInstance(Locale.US).format(amount == null ? 0 : amount);
    }
}
