package kr.outage.compensation.payout.service;

import java.util.Optional;
import java.util.Set;

/**
 * Who is filing or correcting a claim, as their sign-in proves it.
 *
 * <p>A business owner's token carries the registration numbers its identity provider verified for
 * them (a business certificate login gives exactly that) and their own verified name; they may act
 * for those businesses only. Claims staff may act for any business, but only with a reason, which is
 * kept with the claim. Anyone else may file nothing: being signed in proves no business.
 */
public record Claimant(String principal, Set<String> businessNumbers, Optional<String> verifiedName, boolean staff) {

    public Claimant {
        businessNumbers = Set.copyOf(businessNumbers);
    }

    /** Whether this sign-in proves the right to act for the business with these ten digits. */
    public boolean owns(String businessDigits) {
        return businessNumbers.contains(businessDigits);
    }
}
