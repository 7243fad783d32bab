package kr.outage.compensation.entitlement.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A store extension that asks the App Store to extend every active subscriber of a product at once
 * ("Extend Subscription Renewal Dates for All Active Subscribers"), one request per product, instead
 * of one request per subscription. Apple then reports each subscription it extended or could not
 * extend in an App Store Server Notification, which settles the campaign's request for it; those it
 * could not extend get the fallback. What the operator accepts with it: Apple extends every active
 * subscriber of the product in the storefronts, also those the campaign's rules would not have chosen.
 */
public record AppleMassExtension(
        @Schema(nullable = true, description = "App Store storefronts to limit the extension to (ISO 3166-1 alpha-3, e.g. "
                + "KOR); absent or empty: every storefront") List<String> storefrontCountryCodes) {

    public List<String> storefronts() {
        return storefrontCountryCodes == null ? List.of() : storefrontCountryCodes;
    }
}
