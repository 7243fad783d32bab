package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.CampaignTerms;
import kr.outage.compensation.entitlement.domain.CappedClaim;
import kr.outage.compensation.entitlement.domain.ClaimDeadline;
import kr.outage.compensation.entitlement.domain.Remedy;
import kr.outage.compensation.entitlement.persistence.ClaimSlots;
import kr.outage.compensation.entitlement.persistence.EligibilitySql;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.SqlText;
import kr.outage.compensation.entitlement.problem.ProblemType;
import kr.outage.compensation.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * First come, first served claims of a capped grant, made in batches: the claims of one campaign that
 * are waiting when a claim worker is free go to the database together, in one statement committed on
 * its own (see {@link ClaimSlots#claimAll}): the campaign still open, each account eligible and
 * without an earlier claim, units of the cap from a slot, and each grant's item, claim row and audit
 * row; all of it or none, also across a crash. Each claimant gets their own answer. Claimants for
 * whom the slot had no room left try again at once on the other slots; only when every slot with
 * room was held by other batches in flight do they wait for one of them, because that batch may still
 * fail and free its units.
 *
 * <p>Once the cap is reached, the moment the last grant went is recorded on the campaign and kept in
 * memory, and later claimants are refused from it at once: at launch-day rates most claims arrive
 * after the cap, and none of them should wait on a lock to learn that. The only database work left
 * for them is one lookup per batch of who among them had claimed before, so that those people are
 * told they have their grant rather than that they missed it (the same after the deadline).
 */
@ApplicationScoped
public class GrantClaims {

    @Inject
    Jdbc jdbc;
    @Inject
    ClaimableCampaigns campaigns;
    @Inject
    ClaimSlots slots;
    @Inject
    Clock clock;

    /** One person's claim: whose account, and who asked. */
    public record Claim(String userId, String principal) {
    }

    /** What one claimant is told: the grant, or why not. */
    public record Answer(CappedClaim granted, RuntimeException refused) {

        static Answer of(CappedClaim granted) {
            return new Answer(granted, null);
        }

        static Answer refused(RuntimeException why) {
            return new Answer(null, why);
        }
    }

    /**
     * The claims of one campaign, answered in the order given. A refusal of one claimant (not
     * eligible, already claimed, cap reached) is that claimant's answer; a failure of the database
     * is everyone's.
     */
    public List<Answer> claimAll(UUID campaignId, List<Claim> claims) {
        Answer[] answers = new Answer[claims.size()];
        try {
            claimInRounds(campaignId, claims, answers);
        } catch (RuntimeException e) {
            for (int i = 0; i < answers.length; i++) {
                if (answers[i] == null) {
                    answers[i] = Answer.refused(e);
                }
            }
        }
        return Arrays.asList(answers);
    }

    /**
     * The same account twice in one batch (a double click) cannot be in one statement: the first
     * claim of each account goes in the first round, a second in the next, and so on; a later round
     * then finds the earlier claim like any repeated claim.
     */
    private void claimInRounds(UUID campaignId, List<Claim> claims, Answer[] answers) {
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            left.add(i);
        }
        while (!left.isEmpty()) {
            Set<String> seen = new HashSet<>();
            List<Integer> round = new ArrayList<>();
            List<Integer> later = new ArrayList<>();
            for (int i : left) {
                (seen.add(claims.get(i).userId()) ? round : later).add(i);
            }
            claimDistinct(campaignId, round.stream().map(claims::get).toList(), round, answers);
            left = later;
        }
    }

    private void claimDistinct(UUID campaignId, List<Claim> claims, List<Integer> at, Answer[] answers) {
        Campaign campaign = campaigns.definition(campaignId);
        CampaignTerms.ClaimableGrant grant = campaign.terms().claimable().orElseThrow(() ->
                new ProblemException(ProblemType.NOTHING_TO_CLAIM, "Campaign " + campaign.code() + " has nothing to claim"));
        Remedy remedy = grant.remedy();
        Instant now = clock.instant();
        CampaignLifecycle.requirePublished(campaign, "claiming from it");
        Instant closesAt = ClaimDeadline.closesAt(remedy.claimDeadline());
        if (!now.isBefore(closesAt)) {
            refuseUnlessClaimed(campaign, remedy, claims, at, answers, new ProblemException(ProblemType.CLAIM_DEADLINE_PASSED,
                    "Claims for " + campaign.code() + " closed at " + closesAt + " (the deadline "
                    + remedy.claimDeadline().atZone(ClaimDeadline.KOREA).toLocalDateTime() + " KST included its whole last second)",
                    null, Map.of("claimDeadline", remedy.claimDeadline().toString(), "claimsCloseAt", closesAt.toString())));
            return;
        }
        Optional<Instant> allClaimedAt = campaigns.allClaimedAt(campaignId);
        if (allClaimedAt.isPresent()) {
            refuseUnlessClaimed(campaign, remedy, claims, at, answers, capReached(campaign, remedy, allClaimedAt.get()));
            return;
        }
        Instant validUntil = remedy.days() == null ? null : now.plus(remedy.days(), ChronoUnit.DAYS);
        EligibilitySql terms = new EligibilitySql(campaign.terms());
        SqlText eligibility = terms.grants(new SqlText().add((terms.accountScoped() ? "a" : "s") + ".user_id = w.user_id"));

        Map<String, Integer> answerAt = new HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            answerAt.put(claims.get(i).userId(), at.get(i));
        }
        List<ClaimSlots.Claimant> waiting = claims.stream().map(k -> new ClaimSlots.Claimant(k.userId(), k.principal())).toList();
        ClaimSlots.SlotChoice choice = slots.randomStart();
        while (!waiting.isEmpty()) {
            ClaimSlots.SlotChoice tried = choice;
            ClaimSlots.ClaimBatch batch = new ClaimSlots.ClaimBatch(waiting, remedy.itemCode(), remedy.label(), validUntil, now);
            List<ClaimSlots.Outcome> outcomes;
            try {
                outcomes = jdbc.read(c -> slots.claimAll(c, campaignId, eligibility, grant.groupNo(), tried, batch, remedy.cap()));
            } catch (RuntimeException e) {
                if (!Jdbc.isUniqueViolation(e)) {
                    throw e;
                }
                // One of these accounts was claimed at the same moment elsewhere (another replica): each
                // claim on its own, so that only that one is told "already claimed".
                if (waiting.size() == 1) {
                    answerAlreadyClaimed(campaign, remedy, List.of(waiting.get(0).userId()), answerAt, answers, () -> e);
                } else {
                    for (ClaimSlots.Claimant one : waiting) {
                        claimDistinct(campaignId, List.of(new Claim(one.userId(), one.principal())), List.of(answerAt.get(one.userId())),
                                answers);
                    }
                }
                return;
            }
            boolean filledSlot = false;
            boolean anyTaken = false;
            boolean closed = false;
            List<ClaimSlots.Claimant> next = new ArrayList<>();
            List<String> claimedBefore = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                ClaimSlots.Outcome outcome = outcomes.get(i); // the outcomes come in the batch's order
                ClaimSlots.Claimant claimant = waiting.get(i);
                int answer = answerAt.get(claimant.userId());
                if (outcome.taken().isPresent()) {
                    ClaimSlots.Taken taken = outcome.taken().get();
                    filledSlot |= taken.filledSlot();
                    anyTaken = true;
                    answers[answer] = Answer.of(new CappedClaim(campaignId, outcome.userId(), taken.itemId(), remedy.itemCode(),
                            remedy.label(), validUntil, now, taken.grantNo(), remedy.cap()));
                } else if (!outcome.campaignOpen()) {
                    closed = true;
                    next.add(claimant);
                } else if (!outcome.eligible()) {
                    answers[answer] = Answer.refused(new ProblemException(ProblemType.NOT_ELIGIBLE,
                            "Account " + outcome.userId() + " is not eligible for " + campaign.code()));
                } else if (outcome.alreadyClaimed()) {
                    claimedBefore.add(claimant.userId());
                } else {
                    next.add(claimant);
                }
            }
            if (!claimedBefore.isEmpty()) {
                answerAlreadyClaimed(campaign, remedy, claimedBefore, answerAt, answers,
                        () -> new IllegalStateException("a claim of " + claimedBefore + " seen and gone"));
            }
            if (filledSlot && jdbc.read(c -> slots.allTaken(c, campaignId))) {
                // This batch may have taken the cap's last units; if so, say when, before anyone else has to find out.
                recordAllClaimed(campaignId);
            }
            waiting = next;
            if (waiting.isEmpty()) {
                break;
            }
            if (closed) {
                CampaignLifecycle.requirePublished(campaigns.fresh(campaignId), "claiming from it");
                continue; // published after all (it was being changed at that instant): try again
            }
            if (anyTaken) {
                // the slot ran dry with claimants left: on to the slots after it (those it skipped are busy, not dry)
                choice = tried.waits() ? slots.randomStart() : ClaimSlots.SlotChoice.startingAt(tried.from());
                continue;
            }
            if (!tried.waits() && tried.from() > 0) {
                choice = tried.before(); // nothing free from the random start to the end: the slots before it
                continue;
            }
            // Every slot with room was held by batches in flight: wait for one of them, unless none has room any more.
            OptionalInt withRoom = jdbc.read(c -> slots.anyWithRoom(c, campaignId));
            if (withRoom.isEmpty()) {
                CampaignLifecycle.requirePublished(campaigns.fresh(campaignId), "claiming from it");
                ProblemException full = capReached(campaign, remedy, recordAllClaimed(campaignId));
                for (ClaimSlots.Claimant left : waiting) {
                    answers[answerAt.get(left.userId())] = Answer.refused(full);
                }
                return;
            }
            choice = ClaimSlots.SlotChoice.waitingFor(withRoom.getAsInt());
        }
    }

    private Instant recordAllClaimed(UUID campaignId) {
        Instant at = jdbc.read(c -> slots.recordAllClaimed(c, campaignId));
        campaigns.allClaimed(campaignId, at);
        return at;
    }

    private static ProblemException capReached(Campaign campaign, Remedy remedy, Instant allClaimedAt) {
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("cap", remedy.cap());
        if (allClaimedAt != null) {
            extensions.put("allClaimedAt", allClaimedAt.toString());
        }
        return new ProblemException(ProblemType.CLAIM_CAP_REACHED, "All " + remedy.cap() + " grants of " + campaign.code()
                + " have been claimed" + (allClaimedAt == null ? "" : "; the last went at " + allClaimedAt), null, extensions);
    }

    private static ProblemException alreadyClaimed(Campaign campaign, CappedClaim first) {
        return new ProblemException(ProblemType.ALREADY_CLAIMED, "Account " + first.userId() + " already claimed "
                + campaign.code() + " at " + first.claimedAt(), null, Map.of("existingClaim", first));
    }

    /**
     * Tells each of these claimants that they already claimed, with their grant. The database said so a
     * moment ago; a claim that is not found after all is {@code gone}'s failure for the whole batch.
     */
    private void answerAlreadyClaimed(Campaign campaign, Remedy remedy, List<String> userIds, Map<String, Integer> answerAt,
                                      Answer[] answers, Supplier<RuntimeException> gone) {
        Map<String, CappedClaim> earlier = existing(campaign, remedy, userIds);
        if (!earlier.keySet().containsAll(userIds)) {
            throw gone.get();
        }
        for (String userId : userIds) {
            answers[answerAt.get(userId)] = Answer.refused(alreadyClaimed(campaign, earlier.get(userId)));
        }
    }

    /**
     * Refuses the claimants for {@code why} (the deadline passed, the cap reached), except those who had
     * claimed before: they are told so, with their grant. Someone checking on their claim after the
     * last pass went should hear that they have one, not that they missed out. One lookup per batch,
     * by the claim table's key, and no lock.
     */
    private void refuseUnlessClaimed(Campaign campaign, Remedy remedy, List<Claim> claims, List<Integer> at, Answer[] answers,
                                     ProblemException why) {
        Map<String, CappedClaim> earlier = existing(campaign, remedy, claims.stream().map(Claim::userId).toList());
        for (int i = 0; i < claims.size(); i++) {
            CappedClaim first = earlier.get(claims.get(i).userId());
            answers[at.get(i)] = Answer.refused(first == null ? why : alreadyClaimed(campaign, first));
        }
    }

    /** The earlier claims of these accounts, by account; an account without one is absent. */
    private Map<String, CappedClaim> existing(Campaign campaign, Remedy remedy, List<String> userIds) {
        return jdbc.read(c -> slots.earlierClaims(c, campaign.id(), remedy, userIds));
    }
}
