package kr.outage.compensation.payout.service;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.domain.ClaimState;
import kr.outage.compensation.payout.persistence.ClaimDecisionEntity;
import kr.outage.compensation.payout.persistence.ClaimEntity;
import kr.outage.compensation.platform.problem.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading claims, for the API and the review console alike: one claim (for whom it may show it),
 * a program's claims, the committee's queue, a claim's decisions. Runs in the caller's reactive
 * session.
 */
@ApplicationScoped
public class ClaimQueries {

    /** Claims the committee still has to act on. */
    private static final String WAITING_FOR_THE_COMMITTEE = "programId = ?1 and state in ('awaiting_review', 'recommended')";
    private static final Sort FILING_ORDER = Sort.ascending("filedAt", "id");

    @Inject
    ClaimIntake intake;

    public Uni<Optional<ClaimView>> find(UUID claimId) {
        return ClaimEntity.<ClaimEntity>findById(claimId).map(claim -> Optional.ofNullable(claim).map(intake::view));
    }

    /**
     * The claim, for its filer or claims staff. Anybody else is told there is no such claim rather than
     * refused, so nobody can probe which claims exist.
     */
    public Uni<ClaimView> readableBy(UUID claimId, String principal, boolean staff) {
        return ClaimEntity.<ClaimEntity>findById(claimId).map(claim -> {
            if (claim == null || !(staff || claim.filedBy.equals(principal))) {
                throw ProblemException.notFound("No claim " + claimId);
            }
            return intake.view(claim);
        });
    }

    /** A program's claims in filing order, all or in one state. */
    public Uni<PageView<ClaimView>> ofProgram(UUID programId, Optional<ClaimState> state, int page, int size) {
        PanacheQuery<ClaimEntity> query = state.isEmpty()
                ? ClaimEntity.find("programId", FILING_ORDER, programId)
                : ClaimEntity.find("programId = ?1 and state = ?2", FILING_ORDER, programId, state.get().wireName());
        return page(query, page, size);
    }

    /** Claims awaiting review or recommended, oldest first. */
    public Uni<PageView<ClaimView>> committeeQueue(UUID programId, int page, int size) {
        return page(ClaimEntity.find(WAITING_FOR_THE_COMMITTEE, FILING_ORDER, programId), page, size);
    }

    /** Every decision on the claim, oldest first. */
    public Uni<List<ClaimDecisionView>> decisions(UUID claimId) {
        return ClaimDecisionEntity.<ClaimDecisionEntity>list("claimId = ?1 order by seq", claimId)
                .map(list -> list.stream().map(ClaimDecisionView::of).toList());
    }

    // one query after the other: a reactive session runs one statement at a time
    private Uni<PageView<ClaimView>> page(PanacheQuery<ClaimEntity> query, int page, int size) {
        return query.page(Page.of(page, size)).list().chain(claims -> query.count().map(total ->
                new PageView<>(claims.stream().map(intake::view).toList(), page, size, total)));
    }
}
