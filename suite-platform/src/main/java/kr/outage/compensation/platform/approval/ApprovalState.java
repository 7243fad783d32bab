package kr.outage.compensation.platform.approval;

/**
 * Where an approval request stands: PENDING until a checker decides; APPROVED may be used once by the
 * maker (USED); REJECTED, EXPIRED (not decided, or not used, in time) and VOIDED (its subject changed
 * since it was asked for) end it without effect.
 */
public enum ApprovalState {
    PENDING, APPROVED, REJECTED, VOIDED, USED, EXPIRED
}
