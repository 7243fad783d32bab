package kr.outage.compensation.payout.support;

import kr.outage.compensation.platform.testing.MovableClock;
import kr.outage.compensation.platform.testing.Tokens;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The 2022 small-business program, with assessment factors chosen so the arithmetic in tests is plain. */
public final class Programs {

    private Programs() {
    }

    public static Map<String, Object> fire2022() {
        return Map.of(
                "incidentId", IncidentServiceStub.FIRE,
                "name", "Small-business support: Pangyo data-center fire",
                "intake", Map.of("opensOn", "2022-10-19", "closesOn", "2022-11-06", "zone", "Asia/Seoul"),
                "services", List.of("kakaot", "kakaotalk"),
                "assessment", Map.of(
                        "operatingMargins", Map.of("taxi", 0.5, "restaurant", 0.3, "retail", 0.25),
                        "alternativeAvailabilityFactor", 0.8,
                        "platformShares", Map.of("kakaot", 0.8, "kakaotalk", 0.9),
                        "maxDailySales", Map.of("taxi", 400_000, "restaurant", 5_000_000)),
                "tiers", List.of(
                        Map.of("upTo", 300_000, "support", 30_000, "evidence", List.of()),
                        Map.of("upTo", 500_000, "support", 50_000, "evidence", List.of("sales_statement"))),
                "reviewThreshold", 500_000,
                "reviewEvidence", List.of("sales_ledger", "tax_invoice"));
    }

    /** A program for the 2019 mobile-only outage of the music service. */
    public static Map<String, Object> genie2019() {
        return Map.of(
                "incidentId", IncidentServiceStub.GENIE,
                "name", "Small-business support: Genie mobile outage",
                "intake", Map.of("opensOn", "2019-02-13", "closesOn", "2019-02-28", "zone", "Asia/Seoul"),
                "services", List.of("genie"),
                "assessment", Map.of(
                        "operatingMargins", Map.of("music_store", 0.5),
                        "alternativeAvailabilityFactor", 0.8,
                        "platformShares", Map.of("genie", 0.5)),
                "tiers", List.of(Map.of("upTo", 300_000, "support", 30_000, "evidence", List.of()),
                        Map.of("upTo", 500_000, "support", 50_000, "evidence", List.of())),
                "reviewThreshold", 500_000,
                "reviewEvidence", List.of("sales_ledger"));
    }

    /** A clean database, incident-service answering for the fire, the clock inside its intake, and the 2022 program. */
    public static String freshFire2022() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.reset();
        return create(fire2022());
    }

    public static String create(Map<String, Object> program) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(program)
                .when().post("/api/v1/programs").then().statusCode(201).extract().path("id");
    }
}
