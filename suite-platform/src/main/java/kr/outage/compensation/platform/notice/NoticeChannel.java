package kr.outage.compensation.platform.notice;

/** A way to send notices; one bean per kind. */
public interface NoticeChannel {

    enum Kind {
        EMAIL, MESSAGE
    }

    Kind kind();

    /** Whether this deployment configured it; a notice for an unconfigured channel waits. */
    boolean configured();

    /**
     * Whether sending the same notice again after a lost answer is safe: the messaging provider drops a
     * reference it has already taken; an SMTP server has no such thing, so an e-mail whose sender died
     * while the server had it is never sent again.
     */
    boolean takesResendsOnce();

    /** Sends, blocking, after waiting for the channel's rate limit. */
    Delivery send(Outgoing notice) throws InterruptedException;
}
