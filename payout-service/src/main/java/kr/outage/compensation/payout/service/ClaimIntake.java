package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.domain.Evidence;
import kr.outage.compensation.platform.json.JsonDocuments;
import kr.outage.compensation.platform.problem.GeneralProblem;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.client.ImpactCheck;
import kr.outage.compensation.payout.client.IncidentFacts;
import kr.outage.compensation.payout.domain.BankAccount;
import kr.outage.compensation.payout.domain.BusinessRegistrationNumber;
import kr.outage.compensation.payout.domain.ClaimState;
import kr.outage.compensation.payout.domain.ImpairedTime;
import kr.outage.compensation.payout.domain.SalesPlatform;
import kr.outage.compensation.payout.domain.LossAssessment;
import kr.outage.compensation.payout.persistence.ClaimEntity;
import kr.outage.compensation.payout.persistence.BaselineStore;
import kr.outage.compensation.payout.persistence.ClaimWriter;
import kr.outage.compensation.payout.persistence.IdempotencyRecords;
import kr.outage.compensation.payout.persistence.IdempotencyRecords.StoredResponse;
import kr.outage.compensation.payout.persistence.StoredAssessment;
import kr.outage.compensation.platform.notice.ContactDetails;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.payout.problem.ProblemType;
import kr.outage.compensation.payout.security.AccountVault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Takes a claim in: checks it against the program (category, service, intake window), asks
 * incident-service how long the service was impaired, assesses it, and stores it exactly once per
 * Idempotency-Key and once per business, program and service. A refused claim stores nothing.
 */
@ApplicationScoped
public class ClaimIntake {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() { };

    @Inject
    ProgramRegistry programs;
    @Inject
    IncidentFacts incidents;
    @Inject
    ClaimWriter writer;
    @Inject
    IntakeActivity activity;
    @Inject
    BaselineStore baselines;
    @Inject
    JsonDocuments json;
    @Inject
    Clock clock;
    @Inject
    AccountVault vault;
    @Inject
    PayoutAccountCheck accounts;

    public Uni<StoredResponse> file(UUID programId, ClaimFiling request, String key, Claimant claimant) {
        BusinessRegistrationNumber.check(request.businessRegistrationNumber()).ifPresent(defect -> {
            throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "businessRegistrationNumber",
                    "is not a valid business registration number: " + defect.message() + " (e.g. 220-81-62517)");
        });
        BusinessRegistrationNumber business = BusinessRegistrationNumber.parse(request.businessRegistrationNumber()).orElseThrow();
        checkMayFileFor(claimant, business, request);
        String principal = claimant.principal();
        String requestHash = hash(programId, request);
        Instant receivedAt = clock.instant();
        // The replay lookup is not on the way of a new claim: the store answers a taken key itself. A
        // request that is refused on the way (the window has closed since, incident-service is down)
        // still gets its first response back if it is a retry of one that was answered.
        return fileNew(programId, request, business, key, requestHash, receivedAt, claimant)
                .onFailure().recoverWithUni(refused -> writer.replay(principal, key, requestHash)
                        .map(replayed -> replayed.orElseThrow(() -> refused instanceof RuntimeException r ? r
                                : new IllegalStateException(refused))))
                .onFailure(ClaimWriter.DuplicateClaim.class).transform(d -> duplicate((ClaimWriter.DuplicateClaim) d, principal));
    }

    /**
     * Ownership is proven, never presumed: a business owner files only for a registration number their
     * sign-in carries; claims staff file for any business only with a reason; nobody else files.
     */
    private static void checkMayFileFor(Claimant claimant, BusinessRegistrationNumber business, ClaimFiling request) {
        if (request.onBehalf() != null) {
            if (!claimant.staff()) {
                throw new ProblemException(ProblemType.BUSINESS_NOT_YOURS,
                        "Only claims staff may file on a business's behalf (onBehalf); a business owner files without it", null);
            }
            return;
        }
        if (!claimant.owns(business.digits())) {
            throw new ProblemException(ProblemType.BUSINESS_NOT_YOURS, claimant.staff()
                    ? "Claims staff filing for a business must say why, in onBehalf.reason"
                    : "Your sign-in does not carry business registration number " + BusinessRegistrationNumber.format(business.digits())
                    + "; sign in with the business's certificate to claim for it", null);
        }
    }

    /** The names the claim's payout account may be held in: the business's, and its representative's as proven. */
    private static List<String> payableNames(Claimant claimant, ClaimFiling request) {
        return request.onBehalf() != null
                ? java.util.stream.Stream.of(request.businessName(), request.onBehalf().representativeName()).filter(java.util.Objects::nonNull).toList()
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(request.businessName()), claimant.verifiedName().stream()).toList();
    }

    private Uni<StoredResponse> fileNew(UUID programId, ClaimFiling request, BusinessRegistrationNumber business,
                                                    String key, String requestHash, Instant receivedAt, Claimant claimant) {
        return programs.find(programId).chain(found -> {
            Program program = found.orElseThrow(() -> ProblemException.notFound("No program " + programId));
            checkAgainstProgram(program, request, receivedAt);
            return baselines.find(programId, business.digits(), request.service()).chain(baseline -> {
                if (baseline.isEmpty() && request.reportedLoss() == null) {
                    throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "reportedLoss",
                            "is required: the platform holds no baseline sales for this business and service");
                }
                List<SalesPlatform> platforms = request.platformsOrAll();
                boolean split = baseline.isPresent() && baseline.get().split() != null;
                return impairedOn(program.incidentId(), request.service(), platforms, split, receivedAt).chain(impaired -> {
                    long impairedSeconds = impaired.seconds();
                    if (impairedSeconds == 0) {
                        boolean everywhere = platforms.contains(SalesPlatform.ALL);
                        throw ProblemException.field(ProblemType.SERVICE_NOT_COVERED, everywhere ? "service" : "platforms",
                                everywhere ? "was not impaired by the program's incident, according to incident-service"
                                        : "the service was not impaired on " + wire(platforms)
                                        + " by the program's incident, according to incident-service");
                    }
                    if (split && impaired.byPlatform().entrySet().stream()
                            .noneMatch(e -> e.getValue() > 0 && baseline.get().split().of(e.getKey()) > 0)) {
                        throw ProblemException.field(ProblemType.SERVICE_NOT_COVERED, "platforms", "the business's baseline "
                                + "shows no sales on the platforms the incident impaired");
                    }
                    // the bank is asked last, so that a claim refused for its own content costs it nothing
                    return accounts.confirm(request.bankAccount().bank(), request.bankAccount().accountNumber(),
                            payableNames(claimant, request)).chain(confirmed -> {
                        ClaimEntity claim = assess(program, request, business, baseline, impaired, receivedAt, claimant, confirmed);
                        return writer.insertOnce(claim, claimant.principal(), key, requestHash,
                                stored -> new StoredResponse(201, location(stored.id), json.write(view(stored))))
                                .invoke(activity::filed);
                    });
                });
            });
        });
    }

    /**
     * Impaired time on the claim's platforms: {@code seconds} over all of them (a union: time impaired on
     * two platforms counts once), and {@code byPlatform} per platform when asked one by one.
     */
    private record Impaired(long seconds, long revision, Map<String, Long> byPlatform) {
    }

    /**
     * The service's impaired time on the claim's platforms: incident-service's own total for "all", else
     * the union of its windows on each platform named. For a baseline split across platforms every
     * platform is asked on its own, since each one's sales are lost only while it was impaired.
     */
    private Uni<Impaired> impairedOn(UUID incidentId, String service, List<SalesPlatform> platforms, boolean perPlatform,
                                     Instant asOf) {
        if (platforms.contains(SalesPlatform.ALL) && !perPlatform) {
            return incidents.impact(incidentId, service, SalesPlatform.ALL.wire()).map(impact -> new Impaired(
                    impact.map(i -> i.everImpaired() ? i.totalImpairedSeconds() : 0L).orElse(0L),
                    impact.map(ImpactCheck::revision).orElse(0L), Map.of()));
        }
        List<SalesPlatform> asked = platforms.contains(SalesPlatform.ALL)
                ? List.of(SalesPlatform.MOBILE, SalesPlatform.WEB, SalesPlatform.PC) : platforms;
        // one call after another: each answer comes back on this request's context
        return Multi.createFrom().iterable(asked)
                .onItem().transformToUniAndConcatenate(p -> incidents.impact(incidentId, service, p.wire()))
                .collect().asList()
                .map(answers -> {
                    List<ImpairedTime.Window> all = new ArrayList<>();
                    Map<String, Long> byPlatform = new java.util.LinkedHashMap<>();
                    long revision = 0;
                    for (int i = 0; i < answers.size(); i++) {
                        Optional<ImpactCheck> answer = answers.get(i);
                        List<ImpairedTime.Window> windows = new ArrayList<>();
                        if (answer.isPresent() && answer.get().everImpaired()) {
                            answer.get().windowsOrEmpty().forEach(w -> windows.add(new ImpairedTime.Window(w.from(), w.to())));
                        }
                        all.addAll(windows);
                        byPlatform.put(asked.get(i).wire(), ImpairedTime.unionSeconds(windows, asOf));
                        revision = Math.max(revision, answer.map(ImpactCheck::revision).orElse(0L));
                    }
                    return new Impaired(ImpairedTime.unionSeconds(all, asOf), revision, byPlatform);
                });
    }

    /** The baseline's daily sales on each platform the claim was asked about, in that order. */
    private static Map<String, Long> dailyByPlatform(BaselineStore.Baseline baseline, Impaired impaired) {
        Map<String, Long> daily = new java.util.LinkedHashMap<>();
        impaired.byPlatform().keySet().forEach(p -> daily.put(p, baseline.split().of(p)));
        return daily;
    }

    private static String wire(List<SalesPlatform> platforms) {
        return platforms.stream().map(SalesPlatform::wire).collect(Collectors.joining(", "));
    }

    private static void checkAgainstProgram(Program program, ClaimFiling request, Instant receivedAt) {
        String platformProblem = SalesPlatform.problem(request.platformsOrAll());
        if (platformProblem != null) {
            throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "platforms", platformProblem);
        }
        if (!program.assessment().operatingMargins().containsKey(request.category())) {
            throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "category",
                    "must be one of " + String.join(", ", program.assessment().operatingMargins().keySet().stream().sorted().toList()));
        }
        if (!program.services().contains(request.service())) {
            throw ProblemException.field(ProblemType.SERVICE_NOT_COVERED, "service",
                    "is not covered by this program; it covers " + String.join(", ", program.services()));
        }
        if (!program.intake().isOpenAt(receivedAt)) {
            throw new ProblemException(ProblemType.INTAKE_CLOSED, String.format(
                    "Claims are accepted from %s to %s (%s, %s inclusive)", program.intake().opensAt(),
                    program.intake().closesAt(), program.intake().opensOn(), program.intake().closesOn()),
                    null, Map.of("intakeOpensAt", program.intake().opensAt().toString(),
                    "intakeClosesAt", program.intake().closesAt().toString()));
        }
    }

    private ClaimEntity assess(Program program, ClaimFiling request, BusinessRegistrationNumber business,
                               Optional<BaselineStore.Baseline> baseline, Impaired impaired, Instant receivedAt,
                               Claimant claimant, PayoutAccountCheck.Confirmed account) {
        long impairedSeconds = impaired.seconds();
        long incidentRevision = impaired.revision();
        Set<String> evidenceTypes = request.evidenceOrEmpty().stream().map(Evidence::type).collect(Collectors.toSet());
        String category = baseline.map(BaselineStore.Baseline::category).orElse(request.category());
        // the platform's own figures, where it has them, are the basis: no documents, no argument about the amount
        LossAssessment.Result result = baseline.isPresent() && baseline.get().split() != null
                ? LossAssessment.assessFromSplitBaseline(program.assessment(), program.tiers(), program.reviewThreshold(),
                program.reviewEvidence(), category, request.service(), dailyByPlatform(baseline.get(), impaired),
                impaired.byPlatform(), evidenceTypes)
                : baseline.isPresent()
                ? LossAssessment.assessFromBaseline(program.assessment(), program.tiers(), program.reviewThreshold(),
                program.reviewEvidence(), category, request.service(), baseline.get().dailySales(),
                impairedSeconds, evidenceTypes)
                : LossAssessment.assess(program.assessment(), program.tiers(), program.reviewThreshold(),
                program.reviewEvidence(), request.category(), request.service(), request.reportedLoss(), impairedSeconds,
                evidenceTypes);
        ClaimEntity c = new ClaimEntity();
        c.id = UUID.randomUUID();
        c.programId = program.id();
        c.businessNumber = business.digits();
        c.businessName = request.businessName().strip();
        c.category = category;
        c.service = request.service();
        c.platforms = request.platformsOrAll().stream().map(SalesPlatform::wire).toArray(String[]::new);
        c.reportedLoss = request.reportedLoss();
        c.lossBasisKind = baseline.isPresent() ? "baseline" : "reported";
        c.lossBasis = request.lossBasis();
        c.bankName = request.bankAccount().bank();
        // the holder the transfer names is the bank's, not what the form said
        BankAccount bankAccount = new BankAccount(request.bankAccount().bank(), request.bankAccount().accountNumber(),
                account.holderName());
        c.bankAccount = vault.encrypt(bankAccount.number(), c.id);
        c.accountHolder = vault.encrypt(bankAccount.holder(), c.id);
        c.accountCheckedAt = account.at();
        c.filedAs = request.onBehalf() == null ? ClaimEntity.FILED_BY_OWNER : ClaimEntity.FILED_BY_STAFF;
        c.onBehalfReason = request.onBehalf() == null ? null : request.onBehalf().reason();
        String representative = request.onBehalf() == null ? claimant.verifiedName().orElse(null) : request.onBehalf().representativeName();
        c.representativeName = representative == null ? null : vault.encrypt(representative, c.id);
        if (request.contact() != null) {
            ContactDetails reach = new ContactDetails(request.contact().email(), request.contact().phone());
            c.contactEmail = reach.email() == null ? null : vault.encrypt(reach.email(), c.id);
            c.contactPhone = reach.phone() == null ? null : vault.encrypt(reach.phone(), c.id);
            c.contactEmailMasked = reach.maskedEmail().orElse(null);
            c.contactPhoneMasked = reach.maskedPhone().orElse(null);
            c.contactLanguage = request.contact().language();
        }
        c.bankAccountMasked = bankAccount.maskedNumber();
        c.bankAccountHash = vault.hash(bankAccount.number());
        c.evidence = json.write(request.evidenceOrEmpty());
        c.state = result.state().wireName();
        c.impairedSeconds = impairedSeconds;
        c.assessedLoss = result.assessedLoss();
        c.assessmentDetail = json.write(new StoredAssessment(c.lossBasisKind, incidentRevision, impairedSeconds, Duration.ofSeconds(impairedSeconds).toString(),
                result.plausibleCap(), result.capped(), result.assessedLoss(), result.tier(), result.support(),
                result.state() == ClaimState.AWAITING_REVIEW, result.explanation() + String.format("; impaired %d s on %s (%s)", impairedSeconds,
                        wire(request.platformsOrAll()), request.platformsOrAll().contains(SalesPlatform.ALL)
                                ? "incident-service's total" : "union of the platforms' windows")));
        c.tier = result.tier();
        c.supportAmount = result.support();
        c.missingEvidence = result.missingEvidence().toArray(String[]::new);
        c.filedAt = receivedAt;
        c.filedBy = claimant.principal();
        if (result.state() == ClaimState.APPROVED) {
            approveByRule(c, receivedAt);
        }
        return c;
    }

    /** At or under the threshold, with the tier's evidence: the published tier is the decision. */
    static void approveByRule(ClaimEntity claim, Instant at) {
        claim.state = ClaimState.APPROVED.wireName();
        claim.approvedAmount = claim.supportAmount;
        claim.approvedBy = "rule:tier-" + claim.tier;
        claim.approvedAt = at;
    }

    public ClaimView view(ClaimEntity c) {
        return new ClaimView(c.id, c.programId, BusinessRegistrationNumber.format(c.businessNumber),
                c.businessName, c.category, c.service, c.platforms == null ? List.of("all") : List.of(c.platforms),
                c.reportedLoss, c.lossBasis,
                bankAccountView(c),
                json.read(c.evidence, EVIDENCE), ClaimState.fromWire(c.state),
                assessmentView(json.read(c.assessmentDetail, StoredAssessment.class)), List.of(c.missingEvidence), c.filedAt,
                new ClaimView.Decision(c.recommendedAmount, c.recommendedBy, c.approvedAmount, c.approvedBy,
                        c.approvedAt, c.decisionReason),
                new ClaimView.Payment(c.payoutBatchId, c.bankReference, c.paidAt, c.paidAmount, c.paymentFailures, c.lastPaymentFailure,
                        c.lastPaymentFailureCode, c.transientFailures));
    }

    private static ClaimView.AssessmentView assessmentView(StoredAssessment a) {
        return new ClaimView.AssessmentView(a.basedOn(), a.incidentRevision(), a.impairedSeconds(), a.impairedDuration(),
                a.plausibleCap(), a.capped(), a.assessedLoss(), a.tier(), a.supportAmount(), a.needsCommitteeReview(),
                a.formula());
    }

    /** The account as views show it: masked number (never decrypted for it) and holder. */
    private ClaimView.BankAccountView bankAccountView(ClaimEntity c) {
        String masked = c.bankAccountMasked != null ? c.bankAccountMasked
                : new BankAccount(c.bankName, vault.decrypt(c.bankAccount, c.id), "").maskedNumber();
        return new ClaimView.BankAccountView(c.bankName, masked, vault.decrypt(c.accountHolder, c.id));
    }

    /** Where a claim is read: the Location of a filed claim, and the pointer of a 409 to the earlier one. */
    static String location(UUID claimId) {
        return "/api/v1/claims/" + claimId;
    }

    /**
     * 409 for a business that already claimed. It points at the earlier claim only when the caller filed
     * it: another person's claim is not named (its id would open nothing to them, but says who was first).
     */
    private static ProblemException duplicate(ClaimWriter.DuplicateClaim duplicate, String principal) {
        String detail = "This business already filed a claim for this service in this program";
        return duplicate.existing() == null || !principal.equals(duplicate.existingFiledBy())
                ? new ProblemException(ProblemType.DUPLICATE_CLAIM, detail, null)
                : new ProblemException(ProblemType.DUPLICATE_CLAIM, detail + ": " + location(duplicate.existing()), null,
                Map.of("existingClaim", location(duplicate.existing())));
    }

    /** The request's identity for Idempotency-Key purposes: program and body, canonically serialized. */
    private String hash(UUID programId, ClaimFiling request) {
        return IdempotencyRecords.fingerprint(programId.toString(), json.write(request));
    }
}
