package kr.outage.compensation.platform.approval;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One request for a second person's approval, with both principals and what was shown to the approver. */
public record Approval(UUID id, String action, String subject, Map<String, Object> summary, String fingerprint,
                       ApprovalState state, String requestedBy, Instant requestedAt, Instant expiresAt,
                       String decidedBy, Instant decidedAt, String reason, Instant usedAt) {
}
