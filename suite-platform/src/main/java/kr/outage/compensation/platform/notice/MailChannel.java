package kr.outage.compensation.platform.notice;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;

/**
 * Notices by e-mail through quarkus-mailer to the operator's SMTP server (configured with
 * {@code quarkus.mailer.*}). Plain text only, the notice's text as the body, a Message-ID made from its
 * code. An SMTP server has no idempotency: an e-mail whose sender died while the server had it is
 * never sent again ({@link #takesResendsOnce()} is false), so it may be missing but never doubled.
 * A 5xx reply is the recipient's for good (no such mailbox); anything else is tried again.
 */
@ApplicationScoped
public class MailChannel implements NoticeChannel {

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "suite.notices.email.enabled", defaultValue = "false")
    boolean enabled;
    @ConfigProperty(name = "suite.notices.email.per-second", defaultValue = "50")
    double perSecond;
    @ConfigProperty(name = "suite.notices.verify-url")
    String verifyUrl;
    /** How long a notice waits after the server could not be reached or answered nothing usable. */
    @ConfigProperty(name = "suite.notices.retry-after-failure", defaultValue = "PT30S")
    Duration retryAfterFailure;

    private ChannelPace pace;
    private String messageIdHost;

    @PostConstruct
    void init() {
        pace = new ChannelPace(perSecond);
        String host = URI.create(verifyUrl).getHost();
        messageIdHost = host == null ? "notices.invalid" : host;
    }

    @Override
    public Kind kind() {
        return Kind.EMAIL;
    }

    @Override
    public boolean configured() {
        return enabled;
    }

    @Override
    public boolean takesResendsOnce() {
        return false;
    }

    @Override
    public Delivery send(Outgoing notice) throws InterruptedException {
        pace.acquire();
        Mail mail = Mail.withText(notice.recipient(), notice.subject(), notice.text())
                .addHeader("Message-ID", "<" + notice.reference() + "@" + messageIdHost + ">")
                .addHeader("Content-Language", notice.language());
        try {
            mailer.send(mail);
            return new Delivery.Accepted(null);
        } catch (RuntimeException e) {
            SMTPException smtp = smtpCause(e);
            if (smtp != null && smtp.isPermanent()) {
                return new Delivery.Refused("SMTP_" + smtp.getReplyCode(), "the mail server refused it: " + smtp.getReplyCode());
            }
            String why = smtp != null ? "the mail server answered " + smtp.getReplyCode() : "mail server unreachable: "
                    + e.getClass().getSimpleName();
            return Delivery.later(retryAfterFailure, why);
        }
    }

    private static SMTPException smtpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException s) {
                return s;
            }
        }
        return null;
    }
}
