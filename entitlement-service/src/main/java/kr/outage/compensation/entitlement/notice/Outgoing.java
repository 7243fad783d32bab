package kr.outage.compensation.entitlement.notice;

/**
 * One notice on its way: {@code reference} is its code (the provider's idempotency key, the e-mail's
 * Message-ID), {@code recipient} the address or E.164 number in clear (it never leaves this record but
 * to the channel), {@code language} "ko" or "en".
 */
public record Outgoing(String reference, String recipient, String language, String subject, String text, String campaignCode) {

    /** Never the recipient: a record's default toString would put it in a log line. */
    @Override
    public String toString() {
        return "Outgoing[" + reference + ", " + campaignCode + "]";
    }
}
