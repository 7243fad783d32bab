package kr.outage.compensation.payout.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.platform.testing.Tokens;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The two-person rule in tests: the payout approver who will act asks, a second payout approver
 * approves, and the id goes into the request's Approval-Id header. When asking is refused (no such
 * batch), a value that is no approval, so that the request meets its own refusal.
 */
public final class PayoutApprovals {

    /** The second person: another payout approver. */
    public static final String SECOND = Tokens.withRoles("second-approver@example.com", Roles.PAYOUT_APPROVER);

    private PayoutApprovals() {
    }

    public static String release(Object batch, String maker) {
        return approved("payout.batch.release", String.valueOf(batch), maker);
    }

    public static String settle(Object batch, String maker) {
        return approved("payout.batch.settle", String.valueOf(batch), maker);
    }

    public static String rotation(String maker) {
        return approved("payout.account-key.rotate", "account-key", maker);
    }

    public static Response ask(String action, String subject, String maker) {
        return given().auth().oauth2(maker).contentType(ContentType.JSON).body(Map.of("action", action, "subject", subject))
                .when().post("/api/v1/approvals");
    }

    public static String approved(String action, String subject, String maker) {
        Response asked = ask(action, subject, maker);
        if (asked.statusCode() != 201) {
            return "not-approved";
        }
        String id = asked.path("id");
        given().auth().oauth2(SECOND).when().post("/api/v1/approvals/" + id + "/approve").then().statusCode(200);
        return id;
    }
}
