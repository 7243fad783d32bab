package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.BillingChannel;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.OfferDescription;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.SubjectMatch;
import kr.outage.compensation.entitlement.domain.SubscriptionKind;
import kr.outage.compensation.entitlement.problem.ProblemException;
import kr.outage.compensation.entitlement.rest.PublicCompensationView;
import kr.outage.compensation.entitlement.rest.VerificationView;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The public registry of official compensations and the check of an offer against it. */
@ApplicationScoped
public class OfferVerification {

    @Inject
    Campaigns campaigns;

    public List<PublicCompensationView> registry() {
        return campaigns.list(true).stream().map(OfferVerification::publicView).toList();
    }

    public VerificationView verify(String code, String offer) {
        boolean hasCode = code != null && !code.isBlank();
        boolean hasOffer = offer != null && !offer.isBlank();
        if (hasCode == hasOffer) {
            throw ProblemException.invalidParameter("code", "or offer: give exactly one (a campaign code, or the text of the offer)");
        }
        if (hasOffer && offer.length() > 2000) {
            throw ProblemException.invalidParameter("offer", "must be at most 2000 characters");
        }
        List<Campaign> published = campaigns.list(true);
        if (hasCode) {
            String wanted = code.trim();
            List<PublicCompensationView> found = published.stream().filter(c -> c.code().equalsIgnoreCase(wanted))
                    .map(OfferVerification::publicView).toList();
            VerificationView.Understood understood = new VerificationView.Understood(wanted, List.of(), List.of(), List.of());
            return found.isEmpty() ? notOfficial(understood) : official(understood, found);
        }
        // A code pasted inside the text counts as the code.
        List<PublicCompensationView> byCode = published.stream()
                .filter(c -> offer.toUpperCase(java.util.Locale.ROOT).contains(c.code()))
                .map(OfferVerification::publicView).toList();
        OfferDescription described = OfferDescription.read(offer);
        VerificationView.Understood understood = new VerificationView.Understood(null, described.days(), described.months(),
                described.krw());
        if (!byCode.isEmpty() && !described.specific()) {
            return official(understood, byCode);
        }
        if (!described.specific()) {
            return new VerificationView("unknown", false,
                    "The text names no amount, number of days or code to check. Compare it with the official list below; "
                            + "anything not on it is not an official compensation.",
                    "확인할 수 있는 금액, 기간(일) 또는 코드가 없습니다. 아래 공식 보상 목록과 비교해 주세요. 목록에 없는 보상은 공식 보상이 아닙니다.",
                    understood, published.stream().map(OfferVerification::publicView).toList());
        }
        List<PublicCompensationView> matching = published.stream().filter(c -> !c.rolledBack())
                .filter(c -> described.matches(c.terms())).map(OfferVerification::publicView).toList();
        return matching.isEmpty() ? notOfficial(understood) : official(understood, matching);
    }

    private static VerificationView official(VerificationView.Understood understood, List<PublicCompensationView> found) {
        PublicCompensationView first = found.get(0);
        if ("withdrawn".equals(first.status())) {
            return new VerificationView("withdrawn", false, first.code() + " was an official compensation but has been withdrawn.",
                    first.code() + "은(는) 공식 보상이었으나 철회되었습니다.", understood, found);
        }
        return new VerificationView("official", true,
                "Official: this matches " + first.code() + " (" + first.title() + ").",
                "공식 보상입니다: " + first.code() + " (" + first.title() + ")와 일치합니다.", understood, found);
    }

    private static VerificationView notOfficial(VerificationView.Understood understood) {
        return new VerificationView("not_official", false,
                "Not official: no official compensation gives this. Do not follow its links or give it your details.",
                "공식 보상이 아닙니다: 이런 내용의 공식 보상은 없습니다. 링크를 누르거나 개인정보를 입력하지 마세요.",
                understood, List.of());
    }

    static PublicCompensationView publicView(Campaign c) {
        List<PublicCompensationView.Offer> offers = new ArrayList<>();
        for (RemedyGroup g : c.terms().groups()) {
            offers.add(new PublicCompensationView.Offer(g.name(), who(g.matchOrAny()), g.remedies()));
        }
        return new PublicCompensationView(c.code(), c.title(), c.description(), c.incidentId(), c.services(),
                c.terms().scope().wire(), c.terms().snapshotAt(), c.rolledBack() ? "withdrawn" : "official", offers,
                c.terms().claimable().map(g -> g.remedy().claimDeadline()).orElse(null));
    }

    private static String who(SubjectMatch m) {
        List<String> parts = new ArrayList<>();
        if (!m.productsOrEmpty().isEmpty()) {
            parts.add("products " + String.join(", ", m.productsOrEmpty()));
        }
        if (!m.kindsOrEmpty().isEmpty()) {
            parts.add(m.kindsOrEmpty().stream().map(SubscriptionKind::wire).collect(Collectors.joining(" or ")) + " passes");
        }
        if (!m.channelsOrEmpty().isEmpty()) {
            parts.add("billed via " + m.channelsOrEmpty().stream().map(BillingChannel::wire).collect(Collectors.joining(", ")));
        }
        if (!m.countriesOrEmpty().isEmpty()) {
            parts.add("accounts in " + String.join(", ", m.countriesOrEmpty()));
        }
        parts.add(switch (m.holdingOrAny()) {
            case ACTIVE_AT_SNAPSHOT -> "active at the snapshot";
            case ENDED_DURING_OUTAGE -> "ended during the outage";
            case ANY -> "eligible holders";
        });
        return String.join("; ", parts);
    }
}
