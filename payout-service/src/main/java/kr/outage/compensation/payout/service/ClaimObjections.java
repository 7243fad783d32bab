package kr.outage.compensation.payout.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import kr.outage.compensation.payout.domain.ClaimState;
import kr.outage.compensation.payout.domain.Evidence;
import kr.outage.compensation.payout.domain.ObjectionOutcome;
import kr.outage.compensation.payout.domain.ObjectionPeriod;
import kr.outage.compensation.payout.persistence.ClaimDecisionEntity;
import kr.outage.compensation.payout.persistence.ClaimEntity;
import kr.outage.compensation.payout.persistence.ClaimObjectionEntity;
import kr.outage.compensation.payout.persistence.ProgramEntity;
import kr.outage.compensation.payout.problem.ProblemType;
import kr.outage.compensation.platform.json.JsonDocuments;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Objections (이의신청): the filer of a decided claim objects once, within the program's period, with
 * a reason and documents; a claims reviewer recommends an answer and a payout approver who did not
 * recommend it decides. An amended amount is higher than the one objected to: the difference is
 * booked against the budget when decided and paid as an additional transfer in a later batch (the
 * claim returns to approved for it, or, while a transfer is with the bank or waits for a corrected
 * account, after that). Nothing already paid is ever taken back.
 *
 * <p>Every step locks the claim's row, so a filing and a decision, or two of either, are taken one
 * after the other; the objection's primary key is the claim, so a claim has at most one.
 */
@ApplicationScoped
public class ClaimObjections {

    private static final TypeReference<List<Evidence>> DOCUMENTS = new TypeReference<>() { };

    @Inject
    LedgerBook ledger;
    @Inject
    JsonDocuments json;
    @Inject
    Clock clock;

    /** A filed objection, and whether this request filed it (false: the same objection sent again). */
    public record Filed(ObjectionView objection, boolean created) {
    }

    @WithTransaction
    public Uni<Filed> file(UUID claimId, String reason, List<Evidence> documents, String principal) {
        return lockedClaim(claimId).chain(claim -> {
            if (!claim.filedBy.equals(principal)) {
                // someone else's claim does not exist for the caller
                throw ProblemException.notFound("No claim " + claimId);
            }
            return ClaimObjectionEntity.<ClaimObjectionEntity>findById(claimId).chain(existing -> {
                if (existing != null) {
                    if (existing.reason.equals(reason) && json.read(existing.documents, DOCUMENTS).equals(documents)) {
                        return Uni.createFrom().item(new Filed(view(existing, claim), false));
                    }
                    throw new ProblemException(ProblemType.OBJECTION_ALREADY_FILED, "An objection to claim " + claimId
                            + " was filed at " + existing.filedAt + "; a claim takes one objection");
                }
                ClaimState state = ClaimState.fromWire(claim.state);
                if (!ObjectionPeriod.DECIDED.contains(state)) {
                    throw new ProblemException(ProblemType.OBJECTION_NOT_ALLOWED, "Claim " + claimId + " is " + state.wireName()
                            + ": there is no decision to object to yet");
                }
                return decidedAt(claim, state).chain(decidedAt -> ProgramEntity.<ProgramEntity>findById(claim.programId)
                        .chain(program -> {
                            Instant now = clock.instant();
                            ObjectionPeriod period = new ObjectionPeriod(decidedAt, program.objectionDays);
                            if (!period.isOpenAt(now)) {
                                throw new ProblemException(ProblemType.OBJECTION_PERIOD_OVER, "The decision of " + decidedAt
                                        + " could be objected to until " + period.closesAt() + " (" + program.objectionDays
                                        + " days)");
                            }
                            ClaimObjectionEntity objection = new ClaimObjectionEntity();
                            objection.claimId = claimId;
                            objection.objectedState = state.wireName();
                            objection.amountBefore = state == ClaimState.REJECTED ? 0 : claim.approvedAmount;
                            objection.decidedAt = decidedAt;
                            objection.reason = reason;
                            objection.documents = json.write(documents);
                            objection.filedBy = principal;
                            objection.filedAt = now;
                            objection.state = "filed";
                            return objection.persist()
                                    .chain(() -> record(claim, "objection_filed", state, null, reason, documents, principal, now))
                                    .map(ignored -> new Filed(view(objection, claim), true));
                        }));
            });
        });
    }

    @WithTransaction
    public Uni<ObjectionView> review(UUID claimId, ObjectionVote vote, String principal, Predicate<String> hasRole) {
        boolean deciding = "decide".equals(vote.decision());
        String role = deciding ? Roles.PAYOUT_APPROVER : Roles.CLAIMS_REVIEWER;
        if (!hasRole.test(role)) {
            throw new ProblemException(GeneralProblem.FORBIDDEN, "Only " + role + " may " + vote.decision() + " an objection");
        }
        return lockedClaim(claimId).chain(claim -> ClaimObjectionEntity.<ClaimObjectionEntity>findById(claimId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Claim " + claimId + " has no objection"))
                .chain(objection -> deciding ? decide(claim, objection, vote, principal) : recommend(claim, objection, vote, principal)));
    }

    private Uni<ObjectionView> recommend(ClaimEntity claim, ClaimObjectionEntity objection, ObjectionVote vote, String principal) {
        if (!"filed".equals(objection.state)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "This objection is " + objection.state
                    + "; a recommendation is made once, on a filed objection");
        }
        ObjectionOutcome outcome = requireOutcome(vote.outcome());
        objection.recommendedOutcome = outcome.wireName();
        objection.recommendedAmount = outcome == ObjectionOutcome.AMENDED ? amended(vote.amount(), claim, objection) : null;
        objection.recommendedBy = principal;
        objection.recommendationReason = vote.reason();
        objection.state = "recommended";
        return record(claim, "objection_recommended", ClaimState.fromWire(claim.state), objection.recommendedAmount,
                vote.reason(), List.of(), principal, clock.instant()).map(ignored -> view(objection, claim));
    }

    private Uni<ObjectionView> decide(ClaimEntity claim, ClaimObjectionEntity objection, ObjectionVote vote, String principal) {
        if (!"recommended".equals(objection.state)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "This objection is " + objection.state
                    + "; it is decided once, after a reviewer's recommendation");
        }
        if (principal.equals(objection.recommendedBy)) {
            throw new ProblemException(ProblemType.FOUR_EYES_REQUIRED, principal
                    + " recommended the answer to this objection and so cannot decide it; another approver must");
        }
        ObjectionOutcome outcome = vote.outcome() == null ? ObjectionOutcome.parse(objection.recommendedOutcome).orElseThrow()
                : requireOutcome(vote.outcome());
        Long requested = vote.amount() != null ? vote.amount()
                : outcome.wireName().equals(objection.recommendedOutcome) ? objection.recommendedAmount : null;
        long amount = outcome == ObjectionOutcome.AMENDED ? amended(requested, claim, objection) : objection.amountBefore;
        long additional = amount - objection.amountBefore;
        Instant now = clock.instant();
        ClaimState from = ClaimState.fromWire(claim.state);
        objection.outcome = outcome.wireName();
        objection.outcomeAmount = amount;
        objection.decidedBy = principal;
        objection.outcomeReason = vote.reason();
        objection.outcomeAt = now;
        objection.state = "decided";
        Uni<Void> money = Uni.createFrom().voidItem();
        if (additional > 0) {
            money = ledger.approveWithinBudget(claim.programId, claim.id, additional, "objection amended").invoke(fits -> {
                if (!fits) {
                    // thrown inside the transaction: the objection's and the claim's changes roll back with it
                    throw new ProblemException(ProblemType.BUDGET_EXHAUSTED, String.format("Adding %,d KRW would exceed the "
                            + "program's budget; raise the budget (PUT /api/v1/programs/%s/budget) first", additional, claim.programId));
                }
            }).replaceWithVoid();
            claim.approvedAmount = amount;
            claim.approvedBy = principal;
            claim.decisionReason = vote.reason();
            if (from == ClaimState.REJECTED || from == ClaimState.PAID) {
                // owed again: the next batch pays what is not paid yet (all of it, or the difference)
                claim.state = ClaimState.APPROVED.wireName();
                claim.payoutBatchId = null;
                claim.approvedAt = from == ClaimState.REJECTED ? now : claim.approvedAt;
            }
            // approved: the next batch pays the new amount; in_payment: the rest follows the bank's answer;
            // payment_failed: the rest is paid once the account is corrected
        }
        return money.chain(() -> record(claim, "objection_decided", from, amount, vote.reason(), List.of(), principal, now))
                .map(ignored -> view(objection, claim));
    }

    /** The objection to a claim, for its filer or claims staff; 404 for anyone else, as for the claim. */
    @WithSession
    public Uni<ObjectionView> view(UUID claimId, String principal, boolean staff) {
        return ClaimEntity.<ClaimEntity>findById(claimId).chain(claim -> {
            if (claim == null || !(staff || claim.filedBy.equals(principal))) {
                throw ProblemException.notFound("No claim " + claimId);
            }
            return ClaimObjectionEntity.<ClaimObjectionEntity>findById(claimId)
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("Claim " + claimId + " has no objection"))
                    .map(objection -> view(objection, claim));
        });
    }

    /** The objection to a claim, if any, for claims staff (the console's claim page). */
    @WithSession
    public Uni<java.util.Optional<ObjectionView>> find(UUID claimId) {
        return ClaimEntity.<ClaimEntity>findById(claimId).chain(claim -> claim == null ? Uni.createFrom().item(java.util.Optional.empty())
                : ClaimObjectionEntity.<ClaimObjectionEntity>findById(claimId)
                        .map(o -> java.util.Optional.ofNullable(o).map(found -> view(found, claim))));
    }

    /**
     * The committee's queue: objections still to answer (open), answered (decided) or all, oldest
     * first; of one program, or of all when {@code programId} is null.
     */
    @WithSession
    public Uni<PageView<ObjectionView>> list(UUID programId, String state, int page, int size) {
        String where = switch (state) {
            case "open" -> "o.state <> 'decided'";
            case "decided" -> "o.state = 'decided'";
            default -> "true";
        } + (programId == null ? "" : " and c.programId = :program");
        return Panache.getSession().chain(session -> withProgram(session.createQuery("select count(o) from ClaimObjectionEntity o, "
                        + "ClaimEntity c where c.id = o.claimId and " + where, Long.class), programId).getSingleResult()
                .chain(total -> withProgram(session.createQuery("select o, c from ClaimObjectionEntity o, ClaimEntity c where c.id = o.claimId and "
                                + where + " order by o.filedAt, o.claimId", Object[].class), programId)
                        .setFirstResult(page * size).setMaxResults(size).getResultList()
                        .map(rows -> new PageView<>(rows.stream().map(r -> view((ClaimObjectionEntity) r[0], (ClaimEntity) r[1])).toList(),
                                page, size, total))));
    }

    private static <T> org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<T> withProgram(
            org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<T> query, UUID programId) {
        return programId == null ? query : query.setParameter("program", programId);
    }

    private ObjectionView view(ClaimObjectionEntity o, ClaimEntity claim) {
        return new ObjectionView(o.claimId, claim.programId, claim.businessName, o.objectedState, o.amountBefore, o.decidedAt, o.reason,
                json.read(o.documents, DOCUMENTS), o.filedAt, o.state,
                o.recommendedBy == null ? null : new ObjectionView.Recommendation(o.recommendedOutcome, o.recommendedAmount,
                        o.recommendedBy, o.recommendationReason),
                o.outcome == null ? null : new ObjectionView.Outcome(o.outcome, o.outcomeAmount,
                        o.outcomeAmount - o.amountBefore, o.decidedBy, o.outcomeReason, o.outcomeAt));
    }

    /** When the decision objected to was taken: the rejection, or the approval of the amount. */
    private static Uni<Instant> decidedAt(ClaimEntity claim, ClaimState state) {
        if (state != ClaimState.REJECTED) {
            return Uni.createFrom().item(Objects.requireNonNull(claim.approvedAt, "an approved claim has its approval time"));
        }
        return ClaimDecisionEntity.<ClaimDecisionEntity>find("claimId = ?1 and toState = 'rejected' order by seq desc", claim.id)
                .firstResult().map(d -> d.decidedAt);
    }

    private static ObjectionOutcome requireOutcome(String outcome) {
        return ObjectionOutcome.parse(outcome).orElseThrow(() -> ProblemException.field(GeneralProblem.VALIDATION_FAILED,
                "outcome", "is required: decision_upheld or amended"));
    }

    /** An amended amount is higher than the one objected to, and never more than the loss the claim stands on. */
    private static long amended(Long amount, ClaimEntity claim, ClaimObjectionEntity objection) {
        if (amount == null) {
            throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "amount", "is required to amend");
        }
        if (amount <= objection.amountBefore) {
            throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "amount", "must be more than the "
                    + objection.amountBefore + " KRW objected to (an objection never lowers an amount; to keep it, "
                    + "answer decision_upheld)");
        }
        long bound = claim.reportedLoss != null ? claim.reportedLoss : claim.assessedLoss;
        if (amount > bound) {
            throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "amount", "must not exceed the "
                    + (claim.reportedLoss != null ? "reported" : "assessed") + " loss of " + bound + " KRW");
        }
        return amount;
    }

    private static Uni<ClaimEntity> lockedClaim(UUID claimId) {
        return ClaimEntity.<ClaimEntity>findById(claimId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No claim " + claimId));
    }

    private static Uni<ClaimDecisionEntity> record(ClaimEntity claim, String decision, ClaimState from, Long amount, String reason,
                                                   List<Evidence> documents, String principal, Instant at) {
        ClaimDecisionEntity d = new ClaimDecisionEntity();
        d.id = UUID.randomUUID();
        d.claimId = claim.id;
        d.decision = decision;
        d.fromState = from.wireName();
        d.toState = claim.state;
        d.amount = amount;
        d.reason = reason;
        d.evidenceTypes = documents.stream().map(Evidence::type).distinct().toArray(String[]::new);
        d.principal = principal;
        d.decidedAt = at;
        return d.persist();
    }
}
