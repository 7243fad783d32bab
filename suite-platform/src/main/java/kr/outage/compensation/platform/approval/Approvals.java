package kr.outage.compensation.platform.approval;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The two-person rule (maker-checker): a maker asks for an action on a subject, and what the checker
 * will see is frozen then; a different person with the checker role approves or rejects it before it
 * expires; the maker then carries the action out once, by sending the approval's id with it. A request
 * whose subject changed in between is void, at approval and at use. There is no setting that waives
 * it: every guarded operation calls {@link #use}.
 */
@ApplicationScoped
public class Approvals {

    /** How long a request may wait for its decision, and an approval for its use. */
    @ConfigProperty(name = "suite.approvals.ttl", defaultValue = "PT24H")
    Duration ttl;

    @Inject
    @Any
    Instance<ApprovableAction> actions;
    @Inject
    ApprovalStore store;
    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    /** A maker asks for {@code action} on {@code subject}: frozen summary, pending. */
    public Approval request(String action, String subject, SecurityIdentity maker) {
        ApprovableAction what = action(action);
        if (!maker.hasRole(what.makerRole())) {
            throw new ForbiddenException();
        }
        ApprovableAction.Frozen frozen = what.freeze(subject);
        return store.insert(what.name(), subject, frozen.summary(), frozen.fingerprint(), name(maker), ttl);
    }

    public Approval approve(UUID id, SecurityIdentity checker, String note) {
        return decide(id, true, checker, note);
    }

    public Approval reject(UUID id, SecurityIdentity checker, String reason) {
        return decide(id, false, checker, reason);
    }

    private Approval decide(UUID id, boolean approve, SecurityIdentity checker, String reason) {
        Approval request = get(id, checker);
        ApprovableAction what = action(request.action());
        // the requester hears the rule itself, whatever roles they hold
        if (request.requestedBy().equals(name(checker))) {
            throw new ProblemException(ApprovalProblems.OWN_REQUEST, "You asked for this " + request.action()
                    + "; a different person with the role " + what.checkerRole() + " must decide it");
        }
        if (!checker.hasRole(what.checkerRole())) {
            throw new ForbiddenException();
        }
        if (request.state() != ApprovalState.PENDING) {
            throw new ProblemException(ApprovalProblems.APPROVAL_NOT_PENDING, "This request is " + request.state().name()
                    .toLowerCase() + "; nothing was changed");
        }
        if (approve && !what.fingerprint(request.subject()).equals(request.fingerprint())) {
            store.voidIt(id, "changed before approval");
            throw new ProblemException(ApprovalProblems.APPROVAL_VOIDED, request.action() + " of " + request.subject()
                    + " changed since it was asked for; the request is void: ask again to see it as it is now");
        }
        return store.decide(id, approve, name(checker), reason).orElseThrow(() -> new ProblemException(
                ApprovalProblems.APPROVAL_NOT_PENDING, "This request was decided, expired or voided meanwhile; nothing was changed"));
    }

    /**
     * The guard of an approvable operation: {@code approvalId} must name an approval of this action and
     * subject, asked for by the caller, approved by someone else, unexpired, unused (or used before with
     * the same {@code usageKey}), and the subject unchanged since. Used up here, once.
     */
    public Approval use(String action, String subject, String approvalId, SecurityIdentity maker, String usageKey) {
        ApprovableAction what = action(action);
        // the subject's own refusal first (an unknown campaign is 404, whatever the approval)
        String now = what.fingerprint(subject);
        if (approvalId == null || approvalId.isBlank()) {
            throw new ProblemException(ApprovalProblems.APPROVAL_REQUIRED, action + " of " + subject + " needs a second person: "
                    + "POST /api/v1/approvals {\"action\":\"" + action + "\",\"subject\":\"" + subject + "\"}, approved by "
                    + "someone else with the role " + what.checkerRole() + ", then this request again with the header "
                    + "Approval-Id", null, Map.of("action", action, "subject", subject, "approverRole", what.checkerRole()));
        }
        UUID id = parse(approvalId).orElseThrow(() -> notUsable(action, subject, "Approval-Id is not an approval's id"));
        Optional<Approval> used = store.use(id, action, subject, name(maker), now, usageKey);
        if (used.isPresent()) {
            return used.get();
        }
        Approval request = store.find(id).orElseThrow(() -> notUsable(action, subject, "no approval " + id));
        if (!request.action().equals(action) || !request.subject().equals(subject)) {
            throw notUsable(action, subject, "approval " + id + " is for " + request.action() + " of " + request.subject());
        }
        if (!request.requestedBy().equals(name(maker))) {
            throw notUsable(action, subject, "approval " + id + " was asked for by someone else; only they may use it");
        }
        if ((request.state() == ApprovalState.APPROVED || request.state() == ApprovalState.PENDING)
                && !request.fingerprint().equals(now)) {
            store.voidIt(id, "changed before use");
            throw new ProblemException(ApprovalProblems.APPROVAL_VOIDED, action + " of " + subject
                    + " changed since it was approved; the approval is void: ask again");
        }
        throw notUsable(action, subject, "approval " + id + " is " + request.state().name().toLowerCase());
    }

    /**
     * {@link #use} for a reactive endpoint: the check runs on a worker thread (it reads the database
     * over JDBC) and the answer comes back on the caller's event loop, where the endpoint goes on.
     */
    public Uni<Approval> useReactively(String action, String subject, String approvalId, SecurityIdentity maker, String usageKey) {
        return offTheEventLoop(() -> use(action, subject, approvalId, maker, usageKey));
    }

    public Approval get(UUID id, SecurityIdentity caller) {
        Approval approval = store.find(id).orElseThrow(() -> new ProblemException(GeneralProblem.NOT_FOUND, "No approval " + id));
        if (!maySee(caller, approval.action())) {
            throw new ForbiddenException();
        }
        return approval;
    }

    /** The requests the caller may see (its actions' makers and checkers, and auditors), newest first. */
    public List<Approval> list(ApprovalState state, SecurityIdentity caller) {
        return store.list(state, 500).stream().filter(a -> maySee(caller, a.action())).toList();
    }

    /** The requests about one subject the caller may see, newest first (a console page's "what waits for whom"). */
    public List<Approval> forSubject(String subject, SecurityIdentity caller) {
        return store.forSubject(subject, 50).stream().filter(a -> maySee(caller, a.action())).toList();
    }

    /** The requests about any of these subjects the caller may see (a console listing several). */
    public List<Approval> forSubjects(java.util.Collection<String> subjects, SecurityIdentity caller) {
        return store.forSubjects(subjects).stream().filter(a -> maySee(caller, a.action())).toList();
    }

    /** Runs blocking approval work (JDBC) off the event loop, answering on the caller's context. */
    public <T> Uni<T> offTheEventLoop(java.util.function.Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(work));
    }

    /** Whether the caller may see any approvals here at all (a maker, checker or auditor of some action). */
    public boolean mayList(SecurityIdentity caller) {
        return caller.hasRole(Roles.AUDITOR) || actions.stream().anyMatch(a -> caller.hasRole(a.makerRole())
                || caller.hasRole(a.checkerRole()));
    }

    private boolean maySee(SecurityIdentity caller, String action) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return true;
        }
        return actions.stream().filter(a -> a.name().equals(action))
                .anyMatch(a -> caller.hasRole(a.makerRole()) || caller.hasRole(a.checkerRole()));
    }

    private ApprovableAction action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(() -> new ProblemException(
                ApprovalProblems.UNKNOWN_ACTION, "No action '" + name + "' here; the actions that need approval: "
                        + String.join(", ", actions.stream().map(ApprovableAction::name).sorted().toList())));
    }

    private static ProblemException notUsable(String action, String subject, String why) {
        return new ProblemException(ApprovalProblems.APPROVAL_NOT_USABLE, why + "; " + action + " of " + subject
                + " was not carried out");
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String name(SecurityIdentity identity) {
        return identity.getPrincipal().getName();
    }
}
