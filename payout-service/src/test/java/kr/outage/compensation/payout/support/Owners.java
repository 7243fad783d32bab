package kr.outage.compensation.payout.support;

import kr.outage.compensation.platform.testing.Tokens;

import java.util.Map;

/**
 * The owner of the business a claim is for, signed in as the identity provider would sign them in,
 * with the claim's payout account opened at the bank in their name: the situation of every honest
 * claim. Tests about ownership build the other situations themselves.
 */
public final class Owners {

    private Owners() {
    }

    /** The token of the owner of the claim's business, named as the claim's account holder; the bank knows the account. */
    @SuppressWarnings("unchecked")
    public static String of(String subject, Map<String, Object> claim) {
        Map<String, Object> account = (Map<String, Object>) claim.get("bankAccount");
        String holder = (String) account.get("holder");
        BankGatewayStub.opens((String) account.get("accountNumber"), holder);
        return Tokens.businessOwner(subject, holder, (String) claim.get("businessRegistrationNumber"));
    }
}
