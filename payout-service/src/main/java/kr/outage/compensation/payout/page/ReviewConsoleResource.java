package kr.outage.compensation.payout.page;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.payout.rest.ReviewRequest;
import kr.outage.compensation.payout.service.ClaimDecisionView;
import kr.outage.compensation.payout.service.ClaimQueries;
import kr.outage.compensation.payout.service.ClaimReview;
import kr.outage.compensation.payout.service.ClaimObjections;
import kr.outage.compensation.payout.service.ObjectionView;
import kr.outage.compensation.payout.rest.ObjectionReviewRequest;
import kr.outage.compensation.payout.service.ClaimView;
import kr.outage.compensation.payout.service.Program;
import kr.outage.compensation.payout.service.ProgramRegistry;
import kr.outage.compensation.payout.service.RunToCompletion;
import kr.outage.compensation.platform.page.PageLanguage;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The committee's review queue and the decision form. The form goes through the same
 * {@link ClaimReview} as the API, so the state machine and four-eyes hold here too; a refused
 * decision comes back on the page with the reason.
 */
@Path("/console/reviews")
@Produces(MediaType.TEXT_HTML)
public class ReviewConsoleResource {

    static final String[] READERS = {Roles.CLAIMS_REVIEWER, Roles.PAYOUT_APPROVER, Roles.AUDITOR};
    static final String[] DECIDERS = {Roles.CLAIMS_REVIEWER, Roles.PAYOUT_APPROVER};
    static final int QUEUE_PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(PageLanguage lang, String operator, List<Program> programs, Program program,
                                             List<ClaimView> claims, long waiting, List<ObjectionView> objections);

        static native TemplateInstance claim(PageLanguage lang, String operator, ClaimView claim,
                                             List<ClaimDecisionView> decisions, ObjectionView objection, String problem,
                                             String done);
    }

    @Inject
    ConsoleAccess access;
    @Inject
    ProgramRegistry programs;
    @Inject
    ClaimQueries claims;
    @Inject
    ClaimReview review;
    @Inject
    ClaimObjections objections;
    @Inject
    Validator validator;

    @GET
    @WithSession
    @Operation(hidden = true)
    public Uni<Response> queue(@QueryParam("program") UUID programId, @QueryParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return access.allow("/console/reviews", READERS, who -> programs.all().chain(all -> {
            Program program = all.stream().filter(p -> p.id().equals(programId)).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0));
            if (program == null) {
                return Uni.createFrom().item(page(language.apply(Templates.queue(language, name(who), all, null, List.of(), 0,
                        List.of()))));
            }
            return claims.committeeQueue(program.id(), 0, QUEUE_PAGE).chain(waiting ->
                    objections.list(program.id(), "open", 0, QUEUE_PAGE).map(open -> page(language.apply(Templates.queue(
                            language, name(who), all, program, waiting.items(), waiting.total(), open.items())))));
        }));
    }

    @GET
    @Path("{claimId}")
    @WithSession
    @Operation(hidden = true)
    public Uni<Response> claim(@PathParam("claimId") UUID claimId, @QueryParam("lang") String lang,
                               @QueryParam("done") String done) {
        PageLanguage language = PageLanguage.of(lang);
        return access.allow("/console/reviews/" + claimId, READERS,
                who -> claimPage(language, name(who), claimId, null, done, Response.Status.OK));
    }

    @POST
    @Path("{claimId}")
    @Operation(hidden = true)
    public Uni<Response> decide(@PathParam("claimId") UUID claimId, @FormParam("decision") String decision,
                                @FormParam("amount") String amount, @FormParam("reason") String reason,
                                @FormParam("evidenceTypes") String evidenceTypes, @FormParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return access.allow("/console/reviews/" + claimId, DECIDERS, who -> {
            ReviewRequest request;
            try {
                request = FormReview.read(decision, amount, reason, evidenceTypes);
                // the same constraints as the JSON API's request body
                var violation = validator.validate(request).stream().findFirst();
                if (violation.isPresent()) {
                    throw ProblemException.invalidParameter(violation.get().getPropertyPath().toString(), violation.get().getMessage());
                }
            } catch (ProblemException invalid) {
                return refusedPage(language, name(who), claimId, invalid);
            }
            return RunToCompletion.of(() -> review.decide(claimId, request.toVote(), name(who), who::hasRole))
                    .map(decided -> Response.seeOther(URI.create("/console/reviews/" + claimId + "?lang=" + language.code()
                            + "&done=" + request.decision())).build())
                    .onFailure(ProblemException.class)
                    .recoverWithUni(refused -> refusedPage(language, name(who), claimId, (ProblemException) refused));
        });
    }

    @POST
    @Path("{claimId}/objection")
    @Operation(hidden = true)
    public Uni<Response> answerObjection(@PathParam("claimId") UUID claimId, @FormParam("decision") String decision,
                                         @FormParam("outcome") String outcome, @FormParam("amount") String amount,
                                         @FormParam("reason") String reason, @FormParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return access.allow("/console/reviews/" + claimId, DECIDERS, who -> {
            ObjectionReviewRequest request;
            try {
                request = new ObjectionReviewRequest(decision, outcome == null || outcome.isBlank() ? null : outcome,
                        FormReview.won(amount), reason == null ? null : reason.trim());
                var violation = validator.validate(request).stream().findFirst();
                if (violation.isPresent()) {
                    throw ProblemException.invalidParameter(violation.get().getPropertyPath().toString(), violation.get().getMessage());
                }
            } catch (ProblemException invalid) {
                return refusedPage(language, name(who), claimId, invalid);
            }
            return RunToCompletion.of(() -> objections.review(claimId, request.toVote(), name(who), who::hasRole))
                    .map(answered -> Response.seeOther(URI.create("/console/reviews/" + claimId + "?lang=" + language.code()
                            + "&done=objection_" + (request.decision().equals("decide") ? "decided" : "recommended"))).build())
                    .onFailure(ProblemException.class)
                    .recoverWithUni(refused -> refusedPage(language, name(who), claimId, (ProblemException) refused));
        });
    }

    private Uni<Response> refusedPage(PageLanguage language, String operator, UUID claimId, ProblemException refused) {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> claimPage(language, operator, claimId,
                refused.getMessage(), null, Response.Status.fromStatusCode(refused.type().status())));
    }

    private Uni<Response> claimPage(PageLanguage language, String operator, UUID claimId, String problem, String done,
                                    Response.Status status) {
        return claims.find(claimId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).type("text/plain").entity("404").build());
            }
            return claims.decisions(claimId).chain(decisions -> objections.find(claimId)
                    .map(objection -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                            .entity(language.apply(Templates.claim(language, operator, found.get(), decisions,
                                    objection.orElse(null), problem, done == null || done.isBlank() ? null : done))).build()));
        });
    }

    private static Response page(TemplateInstance html) {
        return Response.ok(html).build();
    }

    private static String name(io.quarkus.security.identity.SecurityIdentity who) {
        return who.getPrincipal().getName();
    }

    /** Turns the form's text fields into the API's review request, with the API's rules. */
    static final class FormReview {

        private FormReview() {
        }

        static ReviewRequest read(String decision, String amount, String reason, String evidenceTypes) {
            if (decision == null || !List.of("recommend", "approve", "reject", "request_evidence").contains(decision)) {
                throw ProblemException.invalidParameter("decision", "choose recommend, approve, reject or request evidence");
            }
            if (reason == null || reason.isBlank()) {
                throw ProblemException.invalidParameter("reason", "every decision gives its reason");
            }
            Long won = won(amount);
            List<String> evidence = evidenceTypes == null || evidenceTypes.isBlank() ? null
                    : Arrays.stream(evidenceTypes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            return new ReviewRequest(decision, won, reason.trim(), evidence);
        }

        /** An amount typed as whole won ("700,000" and "700000원" too); null when left empty. */
        static Long won(String amount) {
            if (amount == null || amount.isBlank()) {
                return null;
            }
            long won;
            try {
                won = Long.parseLong(amount.replace(",", "").replace("원", "").trim());
            } catch (NumberFormatException notANumber) {
                throw ProblemException.invalidParameter("amount", "must be whole won, e.g. 700000");
            }
            if (won <= 0) {
                throw ProblemException.invalidParameter("amount", "must be positive");
            }
            return won;
        }
    }
}
