package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.platform.notice.NoticeCode;
import kr.outage.compensation.entitlement.domain.OfferCheck;
import kr.outage.compensation.entitlement.domain.SentNotice;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.NoticeStore;
import kr.outage.compensation.entitlement.client.ClaimantNotices;
import kr.outage.compensation.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public registry of official compensations (every campaign that was published, withdrawn ones
 * included, so an old offer can be told apart from a fake) and the check of an offer against it.
 * The operator's own domains and the names of other services are configuration: they change with
 * the company, not with the code. A pasted notice is checked against the notice its code names,
 * looked up here (the verifier's per-client rate limit bounds how many codes anyone can try).
 */
@ApplicationScoped
public class OfferVerification {

    static final int MAX_OFFER_LENGTH = 2000;

    @Inject
    Campaigns campaigns;
    @Inject
    Jdbc jdbc;
    @Inject
    NoticeStore notices;
    @Inject
    ClaimantNotices claimantNotices;

    @ConfigProperty(name = "entitlement.verify.official-domains")
    List<String> officialDomains;
    @ConfigProperty(name = "entitlement.verify.other-services")
    List<String> otherServices;
    /** The verify page's address, printed in every notice: part of the notice's text. */
    @ConfigProperty(name = "suite.notices.verify-url")
    String verifyUrl;

    public List<Campaign> registry() {
        return campaigns.list(true);
    }

    public OfferCheck.Result verify(String code, String offer) {
        boolean hasCode = code != null && !code.isBlank();
        boolean hasOffer = offer != null && !offer.isBlank();
        if (hasCode == hasOffer) {
            throw ProblemException.invalidParameter("code", "or offer: give exactly one (a campaign code, or the text of the offer)");
        }
        if (hasOffer && offer.length() > MAX_OFFER_LENGTH) {
            throw ProblemException.invalidParameter("offer", "must be at most " + MAX_OFFER_LENGTH + " characters");
        }
        if (hasCode && code.length() > 64) {
            throw ProblemException.invalidParameter("code", "must be at most 64 characters");
        }
        List<Campaign> registry = registry();
        if (hasCode) {
            return OfferCheck.checkCode(code, registry);
        }
        List<NoticeCode> codes = OfferCheck.noticeCodesIn(offer, registry);
        List<SentNotice> found = new java.util.ArrayList<>(codes.isEmpty() ? List.of() : jdbc.read(c -> notices.findByCodes(c, codes,
                registry.stream().collect(Collectors.toMap(Campaign::id, Function.identity())))));
        // a code no campaign notice has may be a support claim's notice: payout-service sent those
        for (NoticeCode inText : codes) {
            if (found.stream().noneMatch(n -> n.code().equals(inText))) {
                claimantNotices.find(inText).ifPresent(found::add);
            }
        }
        return OfferCheck.checkText(offer, registry, new OfferCheck.Settings(
                officialDomains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList(),
                otherServices, verifyUrl), found);
    }

    /** The verify page's address every notice prints. */
    public String verifyUrl() {
        return verifyUrl;
    }
}
