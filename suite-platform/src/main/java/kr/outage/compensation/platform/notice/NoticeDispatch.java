package kr.outage.compensation.platform.notice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one notice by the way its person can be reached, at most once: a mobile number by the
 * messaging provider, else an e-mail address by e-mail, else the notice is kept in the person's own
 * view. A channel that cannot take a resend once (SMTP) is marked handed over, in its own commit, just
 * before it is sent; a notice found handed over (its sender died) is never sent again but recorded
 * uncertain. What the outcome means for the notice's row is the calling worker's (each service keeps
 * its notices in its own tables).
 */
@ApplicationScoped
public class NoticeDispatch {

    /** Where a notice ends after an attempt; {@link #RETRY} goes back to the queue. */
    public enum State {
        SENT, KEPT, UNCERTAIN, FAILED, RETRY
    }

    /**
     * A notice to deliver: its rendered {@code text}, the person's contact details in clear (null when
     * not known) and masked, and whether an earlier attempt handed it over to a channel.
     */
    public record Letter(String reference, String email, String phone, String maskedEmail, String maskedPhone,
                         boolean handedOver, String channelBefore, String language, String subject, String text,
                         String source) {

        /** Never the contact details: a record's default toString would put them in a log line. */
        @Override
        public String toString() {
            return "Letter[" + reference + ", " + source + "]";
        }
    }

    /** The attempt's outcome: the channel and masked recipient used, when to try again, and why. */
    public record Result(State state, String channel, String recipientMasked, Duration retryAfter, String error) {
    }

    /** Marks a notice handed over to a channel, in its own commit; false when the worker lost it meanwhile. */
    @FunctionalInterface
    public interface HandOver {
        boolean mark(String channel);
    }

    @Inject
    Instance<NoticeChannel> allChannels;

    private final Map<NoticeChannel.Kind, NoticeChannel> channels = new EnumMap<>(NoticeChannel.Kind.class);

    @PostConstruct
    void init() {
        allChannels.forEach(c -> channels.put(c.kind(), c));
    }

    public Result deliver(Letter letter, HandOver handOver) throws InterruptedException {
        NoticeChannel.Kind kind = letter.phone() != null ? NoticeChannel.Kind.MESSAGE
                : letter.email() != null ? NoticeChannel.Kind.EMAIL : null;
        // only a channel that cannot take a resend once is handed over (below): never send it again
        if (letter.handedOver()) {
            return new Result(State.UNCERTAIN, letter.channelBefore(), null, null,
                    "the sender stopped while the channel had it; not sent again");
        }
        if (kind == null) {
            return new Result(State.KEPT, null, null, null, null);
        }
        NoticeChannel channel = channels.get(kind);
        String masked = kind == NoticeChannel.Kind.MESSAGE ? letter.maskedPhone() : letter.maskedEmail();
        if (channel == null || !channel.configured()) {
            return new Result(State.RETRY, kind.name(), masked, Duration.ofMinutes(1),
                    kind.name().toLowerCase(Locale.ROOT) + " notices are not configured in this deployment");
        }
        if (!channel.takesResendsOnce() && !handOver.mark(kind.name())) {
            return new Result(State.RETRY, null, null, Duration.ZERO, "lease lost");
        }
        Outgoing outgoing = new Outgoing(letter.reference(), kind == NoticeChannel.Kind.MESSAGE ? letter.phone() : letter.email(),
                letter.language(), letter.subject(), letter.text(), letter.source());
        Delivery answer = channel.send(outgoing);
        if (answer instanceof Delivery.Accepted) {
            return new Result(State.SENT, kind.name(), masked, null, null);
        }
        if (answer instanceof Delivery.Refused r) {
            return new Result(State.FAILED, kind.name(), masked, null, r.detail());
        }
        Delivery.TryAgain t = (Delivery.TryAgain) answer;
        // a retried e-mail was not handed over after all (the server answered): the caller clears the mark
        return new Result(State.RETRY, kind.name(), masked, t.after(), t.reason());
    }
}
