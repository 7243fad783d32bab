package kr.outage.compensation.entitlement.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Where a campaign's notices stand: how many wait, went out, are shown in the person's own view, may
 * or may not have arrived, failed for good or were cancelled, and the first failures (masked recipient,
 * the channel's reason) for the operator to act on.
 */
@Schema(name = "NoticeProgress")
public record NoticeProgress(@Schema(required = true) long queued, @Schema(required = true) long sending,
                             @Schema(required = true) long sent, @Schema(required = true) long kept,
                             @Schema(required = true) long uncertain, @Schema(required = true) long failed,
                             @Schema(required = true) long cancelled,
                             @Schema(required = true) List<Failure> firstFailures) {

    public record Failure(@Schema(required = true) String code, @Schema(nullable = true, enumeration = {"email", "message"}) String channel,
                          String recipient, String reason) {
    }

    public long total() {
        return queued + sending + sent + kept + uncertain + failed + cancelled;
    }
}
