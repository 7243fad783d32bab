package kr.outage.compensation.payout.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.domain.BusinessRegistrationNumber;
import kr.outage.compensation.payout.persistence.BaselineStore;
import kr.outage.compensation.platform.problem.ProblemException;

import java.util.UUID;

/**
 * Businesses the platform's baseline shows selling through a covered service that have not claimed:
 * whom the program's staff should contact, largest sellers first.
 */
@ApplicationScoped
public class UnclaimedBusinesses {

    @Inject
    ProgramRegistry programs;
    @Inject
    BaselineStore baselines;

    /** Whom to contact: the business, the service it sells through, and what it normally sells there per day. */
    public record UnclaimedBusiness(String businessRegistrationNumber, String businessName, String category, String service,
                                    long dailySales) {

        static UnclaimedBusiness of(BaselineStore.Baseline b) {
            return new UnclaimedBusiness(BusinessRegistrationNumber.format(b.businessNumber()), b.businessName(),
                    b.category(), b.service(), b.dailySales());
        }
    }

    public Uni<PageView<UnclaimedBusiness>> of(UUID programId, int page, int size) {
        return programs.find(programId).chain(found -> {
            found.orElseThrow(() -> ProblemException.notFound("No program " + programId));
            // one query after the other on the pool, as the page's rows and its count are independent
            return baselines.unclaimed(programId, page, size).chain(rows -> baselines.unclaimedCount(programId)
                    .map(total -> new PageView<>(rows.stream().map(UnclaimedBusiness::of).toList(), page, size, total)));
        });
    }
}
