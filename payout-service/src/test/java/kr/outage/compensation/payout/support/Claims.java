package kr.outage.compensation.payout.support;

import io.restassured.http.ContentType;
import kr.outage.compensation.payout.domain.BusinessRegistrationNumber;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Claims as business owners file them, with valid, distinct registration numbers. */
public final class Claims {

    private Claims() {
    }

    /**
     * The n-th valid business registration number: an office from 101, a kind of business from 01,
     * a serial from 0001 (none of them zero), and the check digit.
     */
    public static String businessNumber(int n) {
        String nine = String.format("%03d%02d%04d", 101 + n / (99 * 9999) % 899, 1 + n / 9999 % 99, 1 + n % 9999);
        return nine + BusinessRegistrationNumber.checkDigit(nine);
    }

    public static Map<String, Object> taxi(int n, long reportedLoss) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("businessRegistrationNumber", businessNumber(n));
        claim.put("businessName", "Taxi " + n);
        claim.put("category", "taxi");
        claim.put("service", "kakaot");
        claim.put("reportedLoss", reportedLoss);
        claim.put("bankAccount", Map.of("bank", "Shinhan", "accountNumber", "110-" + String.format("%06d", n), "holder", "Owner " + n));
        return claim;
    }

    public static Map<String, Object> restaurant(int n, long reportedLoss) {
        Map<String, Object> claim = taxi(n, reportedLoss);
        claim.put("businessName", "Restaurant " + n);
        claim.put("category", "restaurant");
        claim.put("service", "kakaotalk");
        claim.put("evidence", List.of(Map.of("type", "sales_ledger", "ref", "doc-" + n), Map.of("type", "tax_invoice", "ref", "inv-" + n)));
        return claim;
    }

    /** Files the claim as owner-n and returns its id. */
    public static String file(String programId, Map<String, Object> claim, String owner) {
        return given().auth().oauth2(Owners.of(owner, claim)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(claim)
                .when().post("/api/v1/programs/{id}/claims", programId)
                .then().statusCode(201).extract().path("id");
    }
}
