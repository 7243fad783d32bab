package kr.outage.compensation.payout.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.persistence.ClaimNoticeStore;
import kr.outage.compensation.platform.notice.NoticeCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A claim's notices for its filer and claims staff, and one notice by its code for the suite's verifier. */
@ApplicationScoped
public class ClaimNotices {

    @Inject
    ClaimNoticeStore store;
    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    /**
     * One notice: its code as printed (null until a worker takes it), the event, where it stands, its
     * text exactly as sent (null until then), the channel and masked recipient.
     */
    @Schema(name = "ClaimNoticeView")
    public record View(@Schema(nullable = true) String code,
                       @Schema(enumeration = {"filed", "approved", "rejected", "paid", "payment_failed"}) String event,
                       @Schema(enumeration = {"queued", "sending", "sent", "kept", "uncertain", "failed"}) String state,
                       @Schema(nullable = true) String text,
                       @Schema(nullable = true, enumeration = {"EMAIL", "MESSAGE"}) String channel,
                       @Schema(nullable = true) String recipientMasked, Instant createdAt,
                       @Schema(nullable = true) Instant sentAt, UUID programId, String programName) {

        static View of(ClaimNoticeStore.Kept k) {
            return new View(k.code() == null ? null : new NoticeCode(k.code()).printed(), k.event(), k.state(),
                    k.text(), k.channel(), k.recipientMasked(), k.createdAt(), k.sentAt(), k.programId(), k.programName());
        }
    }

    /** Read over JDBC on a worker thread, answering on the caller's context: the endpoints calling it are reactive. */
    public Uni<List<View>> forClaim(UUID claimId) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> store.forClaim(claimId).stream().map(View::of).toList()));
    }

    public Uni<Optional<View>> byCode(NoticeCode code) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> store.byCode(code.value()).map(View::of)));
    }
}
