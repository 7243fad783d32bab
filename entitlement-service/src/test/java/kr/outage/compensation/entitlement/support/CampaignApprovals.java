package kr.outage.compensation.entitlement.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import kr.outage.compensation.platform.testing.Tokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The two-person rule in tests: an operator asks for publish, run or rollback, an approver (another
 * person) approves, and the operator then carries it out with the approval's id.
 */
public final class CampaignApprovals {

    private CampaignApprovals() {
    }

    /** The operator asks for {@code action} on the campaign: 201 with the pending request, or the refusal. */
    public static Response ask(String action, UUID campaign) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("action", action, "subject", campaign.toString())).when().post("/api/v1/approvals");
    }

    /** The approver approves the request {@code asked} created; its id. */
    public static String approve(Response asked) {
        String id = asked.then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.compensationApprover()).when().post("/api/v1/approvals/" + id + "/approve")
                .then().statusCode(200);
        return id;
    }

    /** Asked and approved: the id to send as Approval-Id. */
    public static String approved(String action, UUID campaign) {
        return approve(ask(action, campaign));
    }

    /** The action a guarded campaign path needs ({@code /publish}, {@code /runs}, {@code /rollback}). */
    public static String actionOf(String path) {
        return switch (path) {
            case "/publish" -> "campaign.publish";
            case "/runs" -> "campaign.run";
            case "/rollback" -> "campaign.rollback";
            default -> throw new IllegalArgumentException(path);
        };
    }

    /**
     * A guarded POST by the operator, approved first; when asking is refused (the campaign cannot take
     * that action), that refusal instead.
     */
    public static ValidatableResponse post(UUID campaign, String path, String body) {
        Response asked = ask(actionOf(path), campaign);
        if (asked.statusCode() != 201) {
            return asked.then();
        }
        var request = given().auth().oauth2(Tokens.operator()).header("Approval-Id", approve(asked));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/v1/campaigns/" + campaign + path).then();
    }
}
