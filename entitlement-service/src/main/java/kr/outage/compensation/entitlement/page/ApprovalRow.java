package kr.outage.compensation.entitlement.page;

import kr.outage.compensation.platform.approval.Approval;

import java.util.Locale;
import java.util.UUID;

/**
 * One approval request on a campaign's console page: what it is for, where it stands, who asked and
 * who decided, and whether the reader may decide it (an approver who did not ask for it).
 */
public record ApprovalRow(UUID id, String action, String state, String requestedBy, String decidedBy, String reason,
                          boolean decidable) {

    static ApprovalRow of(Approval a, String reader, boolean approver) {
        String state = a.state().name().toLowerCase(Locale.ROOT);
        return new ApprovalRow(a.id(), a.action(), state, a.requestedBy(), a.decidedBy(), a.reason(),
                approver && state.equals("pending") && !a.requestedBy().equals(reader));
    }
}
