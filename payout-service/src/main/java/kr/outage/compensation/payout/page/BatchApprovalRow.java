package kr.outage.compensation.payout.page;

import kr.outage.compensation.platform.approval.Approval;
import kr.outage.compensation.platform.approval.ApprovalState;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Where a batch's transfer-file release stands for the reader of the batch console: the file they
 * may download now (their own approved request), their request waiting, others' requests they may
 * approve, or nothing yet.
 */
public record BatchApprovalRow(UUID download, String waiting, List<UUID> decidable, String lastState) {

    static BatchApprovalRow of(List<Approval> releases, String reader, boolean approver) {
        UUID download = releases.stream().filter(a -> a.requestedBy().equals(reader)
                && (a.state() == ApprovalState.APPROVED || a.state() == ApprovalState.USED)).map(Approval::id).findFirst().orElse(null);
        String waiting = releases.stream().filter(a -> a.requestedBy().equals(reader) && a.state() == ApprovalState.PENDING)
                .map(a -> a.id().toString()).findFirst().orElse(null);
        List<UUID> decidable = approver ? releases.stream().filter(a -> a.state() == ApprovalState.PENDING
                && !a.requestedBy().equals(reader)).map(Approval::id).toList() : List.of();
        String last = releases.isEmpty() ? null : releases.get(0).state().name().toLowerCase(Locale.ROOT);
        return new BatchApprovalRow(download, waiting, decidable, last);
    }
}
