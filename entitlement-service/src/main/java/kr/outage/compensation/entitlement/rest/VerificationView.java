package kr.outage.compensation.entitlement.rest;

import kr.outage.compensation.entitlement.domain.OfferCheck;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The answer to "is this compensation real?". {@code verdict}: official (the text is, word for word, the
 * announcement of an official compensation, or the notice that was sent with the code it carries; for {@code code=}, the code is an official compensation's),
 * unverified (it describes a real, official compensation, but is not a text the operator sent or
 * announced: nothing needs doing to receive it), altered (it carries the code of a notice that was
 * really sent, but its words are not what was sent: the reasons say what was added and left out), not_official (no official compensation
 * gives this), suspicious (it has the shape of a lure: an unofficial link, a request to log in, install,
 * call, pay, or give card numbers, passwords or verification codes), withdrawn (it matches a compensation
 * that was withdrawn or rolled back) or unknown (nothing in it can be checked). {@code reasons} always
 * says why; {@code matches} lists the campaigns matched (official and withdrawn only).
 */
public record VerificationView(
        @Schema(enumeration = {"official", "not_official", "suspicious", "withdrawn", "unverified", "altered", "unknown"}) OfferCheck.Verdict verdict,
        boolean official, String message, String messageKo, List<OfferCheck.Reason> reasons,
        OfferCheck.Understood understood, List<PublicCompensationView> matches) {

    public static VerificationView of(OfferCheck.Result result) {
        OfferCheck.Reason first = result.reasons().get(0);
        return new VerificationView(result.verdict(), result.verdict() == OfferCheck.Verdict.OFFICIAL, first.en(), first.ko(),
                result.reasons(), result.understood(), result.matches().stream().map(PublicCompensationView::of).toList());
    }
}
