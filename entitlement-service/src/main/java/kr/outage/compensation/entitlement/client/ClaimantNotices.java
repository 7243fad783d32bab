package kr.outage.compensation.entitlement.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.entitlement.domain.SentNotice;
import kr.outage.compensation.entitlement.problem.ProblemType;
import kr.outage.compensation.platform.notice.NoticeCode;
import kr.outage.compensation.platform.problem.ProblemException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The claimant notices payout-service sent, looked up for the verifier by code. When payout-service
 * cannot answer, the verifier says so (503) rather than "no such notice": a real notice must never be
 * called a fake because a service was down.
 */
@ApplicationScoped
public class ClaimantNotices {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @RestClient
    PayoutNoticesClient payout;

    public Optional<SentNotice> find(NoticeCode code) {
        try (Response response = payout.byCode(code.printed())) {
            if (response.getStatus() != 200) {
                throw unavailable("answered " + response.getStatus());
            }
            JsonNode n = JSON.readTree(response.readEntity(String.class));
            SentNotice.State state = SentNotice.State.valueOf(n.path("state").asText().toUpperCase(Locale.ROOT));
            Instant sentAt = n.hasNonNull("sentAt") ? Instant.parse(n.get("sentAt").asText()) : null;
            return Optional.of(SentNotice.ofClaim(code, n.path("programName").asText(), state, sentAt,
                    n.hasNonNull("channel") ? n.get("channel").asText() : null,
                    n.hasNonNull("recipientMasked") ? n.get("recipientMasked").asText() : null,
                    n.hasNonNull("text") ? n.get("text").asText() : null));
        } catch (WebApplicationException e) {
            // the client reports every 4xx and 5xx as an exception; 404 is payout-service's "no such notice"
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable("answered " + (e.getResponse() == null ? "nothing" : e.getResponse().getStatus()));
        } catch (ProcessingException | java.io.IOException | IllegalArgumentException e) {
            throw unavailable(e.getClass().getSimpleName());
        }
    }

    private static ProblemException unavailable(String why) {
        return new Unavailable("This code is not one of ours here, and payout-service, which sends support claims' "
                + "notices, could not be asked just now (" + why + "); try again in a minute");
    }

    /** 503 with Retry-After: the verifier cannot answer for this code now. */
    static final class Unavailable extends ProblemException {

        Unavailable(String detail) {
            super(ProblemType.VERIFICATION_UNAVAILABLE, detail);
        }

        @Override
        public int retryAfterSeconds() {
            return 30;
        }
    }
}
