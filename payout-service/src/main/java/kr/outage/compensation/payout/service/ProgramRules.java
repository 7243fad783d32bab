package kr.outage.compensation.payout.service;

import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.payout.problem.ProblemType;
import kr.outage.compensation.payout.rest.CreateProgramRequest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Consistency rules a program must satisfy before any claim can be assessed under it. */
final class ProgramRules {

    private ProgramRules() {
    }

    static ZoneId check(CreateProgramRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(request.intake().zone());
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError("intake.zone", "must be a time zone id such as Asia/Seoul"));
        }
        if (request.intake().closesOn().isBefore(request.intake().opensOn())) {
            errors.add(new Problem.FieldError("intake.closesOn", "must not be before intake.opensOn"));
        }
        Set<String> services = new HashSet<>(request.services());
        if (services.size() != request.services().size()) {
            errors.add(new Problem.FieldError("services", "must not list a service twice"));
        }
        for (String service : services) {
            if (!request.assessment().platformShares().containsKey(service)) {
                errors.add(new Problem.FieldError("assessment.platformShares", "has no share for service " + service));
            }
        }
        for (String service : request.assessment().platformShares().keySet()) {
            if (!services.contains(service)) {
                errors.add(new Problem.FieldError("assessment.platformShares", service + " is not one of the program's services"));
            }
        }
        long previous = 0;
        for (int i = 0; i < request.tiers().size(); i++) {
            long upTo = request.tiers().get(i).upTo();
            if (upTo <= previous) {
                errors.add(new Problem.FieldError("tiers[" + i + "].upTo", "must be greater than the previous tier's"));
            }
            previous = upTo;
        }
        if (previous != request.reviewThreshold()) {
            errors.add(new Problem.FieldError("reviewThreshold",
                    "must equal the last tier's upTo (" + previous + "): above it the committee decides"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.PROGRAM_RULE_VIOLATED,
                    String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()), errors);
        }
        return zone;
    }
}
