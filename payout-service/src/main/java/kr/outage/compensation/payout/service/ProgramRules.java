package kr.outage.compensation.payout.service;

import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.payout.problem.ProblemType;

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

    static ZoneId check(ProgramDefinition definition) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(definition.zone());
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError("intake.zone", "must be a time zone id such as Asia/Seoul"));
        }
        if (definition.closesOn().isBefore(definition.opensOn())) {
            errors.add(new Problem.FieldError("intake.closesOn", "must not be before intake.opensOn"));
        }
        Set<String> services = new HashSet<>(definition.services());
        if (services.size() != definition.services().size()) {
            errors.add(new Problem.FieldError("services", "must not list a service twice"));
        }
        for (String service : services) {
            if (!definition.assessment().platformShares().containsKey(service)) {
                errors.add(new Problem.FieldError("assessment.platformShares", "has no share for service " + service));
            }
        }
        for (String service : definition.assessment().platformShares().keySet()) {
            if (!services.contains(service)) {
                errors.add(new Problem.FieldError("assessment.platformShares", service + " is not one of the program's services"));
            }
        }
        long previous = 0;
        for (int i = 0; i < definition.tiers().size(); i++) {
            long upTo = definition.tiers().get(i).upTo();
            if (upTo <= previous) {
                errors.add(new Problem.FieldError("tiers[" + i + "].upTo", "must be greater than the previous tier's"));
            }
            previous = upTo;
        }
        if (previous != definition.reviewThreshold()) {
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
