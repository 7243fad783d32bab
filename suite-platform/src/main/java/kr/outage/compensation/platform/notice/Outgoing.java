package kr.outage.compensation.platform.notice;

/**
 * One notice on its way: {@code reference} is its code (the provider's idempotency key, the e-mail's
 * Message-ID), {@code recipient} the address or E.164 number in clear (it never leaves this record but
 * to the channel), {@code language} "ko" or "en", {@code source} what it is about (a campaign's code, a
 * payout program's name).
 */
public record Outgoing(String reference, String recipient, String language, String subject, String text, String source) {

    /** Never the recipient: a record's default toString would put it in a log line. */
    @Override
    public String toString() {
        return "Outgoing[" + reference + ", " + source + "]";
    }
}
