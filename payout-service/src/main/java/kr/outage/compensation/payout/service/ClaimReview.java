package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.domain.Evidence;
import kr.outage.compensation.platform.json.JsonDocuments;
import kr.outage.compensation.platform.problem.GeneralProblem;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import kr.outage.compensation.payout.domain.ClaimState;
import kr.outage.compensation.payout.domain.ReviewDecision;
import kr.outage.compensation.payout.persistence.ClaimDecisionEntity;
import kr.outage.compensation.payout.persistence.ClaimEntity;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.payout.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The committee's work on claims above the threshold, and the claimant's answers to requests for
 * evidence. Each decision locks the claim, checks the state machine and the four-eyes rule, and
 * records itself; an approval books the money in the same transaction.
 */
@ApplicationScoped
public class ClaimReview {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() { };

    @Inject
    LedgerBook ledger;
    @Inject
    JsonDocuments json;
    @Inject
    Clock clock;

    @WithTransaction
    public Uni<ClaimEntity> decide(UUID claimId, ReviewVote vote, String principal, Predicate<String> hasRole) {
        ReviewDecision decision = ReviewDecision.parse(vote.decision()).orElseThrow();
        if (ReviewDecision.ROLES.get(decision).stream().noneMatch(hasRole)) {
            throw new ProblemException(GeneralProblem.FORBIDDEN, "Only " + String.join(" or ", ReviewDecision.ROLES.get(decision))
                    + " may " + decision.wireName().replace('_', ' '));
        }
        return locked(claimId).chain(claim -> {
            ClaimState from = ClaimState.fromWire(claim.state);
            if (!decision.isAllowedFrom(from)) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, String.format(
                        "Cannot %s a claim that is %s; allowed from: %s", decision.wireName().replace('_', ' '),
                        from.wireName(), decision.allowedFrom().stream().map(ClaimState::wireName).sorted().collect(Collectors.joining(", "))));
            }
            Instant now = clock.instant();
            Long amount = apply(claim, decision, vote, principal, now);
            claim.state = decision.target().wireName();
            claim.decisionReason = vote.reason();
            Uni<Void> money = decision != ReviewDecision.APPROVE ? Uni.createFrom().voidItem()
                    : ledger.approveWithinBudget(claim.programId, claim.id, claim.approvedAmount).invoke(fits -> {
                        if (!fits) {
                            // thrown inside the transaction: the claim's changes are rolled back with it
                            throw new ProblemException(ProblemType.BUDGET_EXHAUSTED, String.format(
                                    "Approving %,d KRW would exceed the program's budget; raise the budget "
                                            + "(PUT /api/v1/programs/%s/budget) or approve a smaller amount",
                                    claim.approvedAmount, claim.programId));
                        }
                    }).replaceWithVoid();
            return money.chain(() -> record(claim, decision.wireName(), from, amount, vote.reason(),
                    vote.evidenceTypes() == null ? List.of() : vote.evidenceTypes(), principal, now));
        });
    }

    /** The claimant adds what was asked for; a complete tier claim is then approved by rule, a larger one goes back to the committee. */
    @WithTransaction
    public Uni<ClaimEntity> addEvidence(UUID claimId, List<Evidence> evidence, String principal) {
        return locked(claimId).chain(claim -> {
            if (!claim.filedBy.equals(principal)) {
                throw ProblemException.notFound("No claim " + claimId);
            }
            ClaimState from = ClaimState.fromWire(claim.state);
            if (from != ClaimState.EVIDENCE_REQUESTED) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                        "Evidence is accepted only when it was requested; this claim is " + from.wireName());
            }
            List<Evidence> all = new ArrayList<>(json.read(claim.evidence, EVIDENCE));
            all.addAll(evidence);
            claim.evidence = json.write(all);
            Set<String> provided = all.stream().map(Evidence::type).collect(Collectors.toSet());
            claim.missingEvidence = List.of(claim.missingEvidence).stream().filter(t -> !provided.contains(t)).toArray(String[]::new);
            Instant now = clock.instant();
            Uni<Void> money = Uni.createFrom().voidItem();
            if (claim.missingEvidence.length == 0) {
                if (claim.tier != null) {
                    ClaimIntake.approveByRule(claim, now);
                    money = ledger.approveWithinBudget(claim.programId, claim.id, claim.approvedAmount).invoke(fits -> {
                        if (!fits) {
                            claim.awaitBudget();
                        }
                    }).replaceWithVoid();
                } else {
                    claim.state = ClaimState.AWAITING_REVIEW.wireName();
                }
            }
            return money.chain(() -> record(claim, "evidence_added", from, null, null,
                    evidence.stream().map(Evidence::type).distinct().toList(), principal, now));
        });
    }

    private Long apply(ClaimEntity claim, ReviewDecision decision, ReviewVote vote, String principal, Instant now) {
        switch (decision) {
            case RECOMMEND -> {
                long amount = requireAmount(vote.amount(), claim);
                claim.recommendedAmount = amount;
                claim.recommendedBy = principal;
                return amount;
            }
            case APPROVE -> {
                if (principal.equals(claim.recommendedBy)) {
                    throw new ProblemException(ProblemType.FOUR_EYES_REQUIRED, principal
                            + " recommended this claim and so cannot approve it; another approver must");
                }
                long amount = vote.amount() == null ? claim.recommendedAmount : requireAmount(vote.amount(), claim);
                claim.approvedAmount = amount;
                claim.approvedBy = principal;
                claim.approvedAt = now;
                return amount;
            }
            case REQUEST_EVIDENCE -> {
                if (vote.evidenceTypes() == null || vote.evidenceTypes().isEmpty()) {
                    throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "evidenceTypes", "must name the evidence requested");
                }
                claim.missingEvidence = vote.evidenceTypes().stream().distinct().toArray(String[]::new);
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Support never exceeds the loss the business reported, or, for a baseline claim, the assessed loss. */
    private static long requireAmount(Long amount, ClaimEntity claim) {
        if (amount == null) {
            throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "amount", "is required for this decision");
        }
        long bound = claim.reportedLoss != null ? claim.reportedLoss : claim.assessedLoss;
        if (amount > bound) {
            throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "amount", "must not exceed the "
                    + (claim.reportedLoss != null ? "reported" : "assessed") + " loss of " + bound + " KRW");
        }
        return amount;
    }

    private Uni<ClaimEntity> locked(UUID claimId) {
        return ClaimEntity.<ClaimEntity>findById(claimId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No claim " + claimId));
    }

    private Uni<ClaimEntity> record(ClaimEntity claim, String decision, ClaimState from, Long amount, String reason,
                                    List<String> evidenceTypes, String principal, Instant at) {
        ClaimDecisionEntity d = new ClaimDecisionEntity();
        d.id = UUID.randomUUID();
        d.claimId = claim.id;
        d.decision = decision;
        d.fromState = from.wireName();
        d.toState = claim.state;
        d.amount = amount;
        d.reason = reason;
        d.evidenceTypes = evidenceTypes.toArray(String[]::new);
        d.principal = principal;
        d.decidedAt = at;
        return d.persist().replaceWith(claim);
    }
}
