package kr.outage.compensation.entitlement.domain;

import java.util.regex.Pattern;

/**
 * What identifies an in-app subscription at its store: the store's product id, and Apple's original
 * transaction id or Google's purchase token. Only with it can the store be asked to move the
 * subscription's renewal date; a store-billed subscription without it is compensated in cash.
 */
public record StoreIdentity(String productId, String originalTransactionId, String purchaseToken) {

    /** App Store product ids and Play subscription ids: letters, digits, dots, underscores, hyphens. */
    static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    /** Apple's original transaction ids are decimal numbers. */
    static final Pattern ORIGINAL_TRANSACTION_ID = Pattern.compile("[0-9]{1,64}");
    /** Play purchase tokens are opaque, URL-safe and long; the limit leaves room above today's ~150 characters. */
    static final Pattern PURCHASE_TOKEN = Pattern.compile("[A-Za-z0-9._\\-]{10,1000}");

    /** Null when all three parts are absent (blank counts as absent): the subscription has no store identity. */
    public static StoreIdentity of(String productId, String originalTransactionId, String purchaseToken) {
        String p = blankToNull(productId), t = blankToNull(originalTransactionId), g = blankToNull(purchaseToken);
        return p == null && t == null && g == null ? null : new StoreIdentity(p, t, g);
    }

    /** The first thing wrong with this identity on a subscription billed through {@code channel}, or null. */
    public String problem(BillingChannel channel) {
        if (channel != BillingChannel.APPLE && channel != BillingChannel.GOOGLE) {
            return "store_product_id, store_original_transaction_id and store_purchase_token are for apple- and "
                    + "google-billed subscriptions only";
        }
        if (productId == null || !PRODUCT_ID.matcher(productId).matches()) {
            return "store_product_id must be the store's product id (letters, digits, . _ -, up to 200)";
        }
        if (channel == BillingChannel.APPLE) {
            if (purchaseToken != null) {
                return "store_purchase_token is Google's: an apple-billed subscription has none";
            }
            if (originalTransactionId == null || !ORIGINAL_TRANSACTION_ID.matcher(originalTransactionId).matches()) {
                return "store_original_transaction_id must be Apple's original transaction id (digits, up to 64)";
            }
        } else {
            if (originalTransactionId != null) {
                return "store_original_transaction_id is Apple's: a google-billed subscription has none";
            }
            if (purchaseToken == null || !PURCHASE_TOKEN.matcher(purchaseToken).matches()) {
                return "store_purchase_token must be Google Play's purchase token (10 to 1000 letters, digits, . _ -)";
            }
        }
        return null;
    }

    /** The store's handle on this subscription: the original transaction id or the purchase token. */
    public String reference() {
        return originalTransactionId != null ? originalTransactionId : purchaseToken;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
