package kr.outage.compensation.payout;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class ProgramTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";

    @BeforeEach
    void clean() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
    }

    @Test
    void programIsCreatedForAnIncidentThatImpairedItsServices() {
        String id = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Programs.fire2022())
                .when().post("/api/v1/programs")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/programs/" + given().when().get("/api/v1/programs").path("[0].id")))
                .body("intake.opensAt", equalTo("2022-10-18T15:00:00Z"))
                .body("intake.closesAt", equalTo("2022-11-06T15:00:00Z"))
                .body("intake.openNow", equalTo(true))
                .body("tiers[1].support", equalTo(50_000))
                .extract().path("id");
        given().when().get("/api/v1/programs/{id}", id).then().statusCode(200)
                .body("services", equalTo(List.of("kakaot", "kakaotalk")))
                .body("assessment.platformShares.kakaot", equalTo(0.8f));
    }

    @Test
    void callsToIncidentServiceCarryThisServicesOwnToken() {
        Programs.create(Programs.fire2022());
        List<LoggedRequest> calls = IncidentServiceStub.server.findAll(WireMock.getRequestedFor(WireMock.urlPathMatching("/api/v1/incidents/.*")));
        assertThat(calls).isNotEmpty();
        for (LoggedRequest call : calls) {
            String authorization = call.getHeader("Authorization");
            assertThat(authorization).startsWith("Bearer ");
            String payload = new String(Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(payload).contains("\"groups\":[\"service\"]").contains("\"upn\":\"payout-service\"");
            assertThat(payload).doesNotContain("operator@example.com");
        }
    }

    @Test
    void unknownIncidentIsRefused() {
        Map<String, Object> program = with(p -> p.put("incidentId", "00000000-0000-0000-0000-000000000001"));
        refused(program, 422, "program-rule-violated", "incidentId");
    }

    @Test
    void serviceTheIncidentDidNotImpairIsRefused() {
        Map<String, Object> program = with(p -> {
            p.put("services", List.of("kakaot", "melon"));
            p.put("assessment", Map.of("operatingMargins", Map.of("taxi", 0.5), "alternativeAvailabilityFactor", 0.8,
                    "platformShares", Map.of("kakaot", 0.8, "melon", 0.5)));
        });
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(program)
                .when().post("/api/v1/programs").then().statusCode(422).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("melon"));
        assertThat(Database.count("select count(*) from program")).isZero();
    }

    @Test
    void incidentServiceDownMeans503WithRetryAfterAndNothingStored() {
        IncidentServiceStub.failing();
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Programs.fire2022())
                .when().post("/api/v1/programs").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo(PROBLEMS + "incident-service-unavailable"));
        assertThat(Database.count("select count(*) from program")).isZero();
    }

    static Stream<Object[]> inconsistentPrograms() {
        return Stream.of(
                new Object[]{"tiers not ascending", with(p -> p.put("tiers", List.of(Map.of("upTo", 500_000, "support", 50_000),
                        Map.of("upTo", 300_000, "support", 30_000)))), 422, "tiers[1].upTo"},
                new Object[]{"threshold not the last tier", with(p -> p.put("reviewThreshold", 400_000)), 422, "reviewThreshold"},
                new Object[]{"window backwards", with(p -> p.put("intake", Map.of("opensOn", "2022-11-06", "closesOn", "2022-10-19", "zone", "Asia/Seoul"))), 422, "intake.closesOn"},
                new Object[]{"unknown zone", with(p -> p.put("intake", Map.of("opensOn", "2022-10-19", "closesOn", "2022-11-06", "zone", "Mars/Olympus"))), 422, "intake.zone"},
                new Object[]{"share missing for a service", with(p -> p.put("assessment", Map.of("operatingMargins", Map.of("taxi", 0.5),
                        "alternativeAvailabilityFactor", 0.8, "platformShares", Map.of("kakaot", 0.8)))), 422, "assessment.platformShares"},
                new Object[]{"margin above 1", with(p -> p.put("assessment", Map.of("operatingMargins", Map.of("taxi", 1.5),
                        "alternativeAvailabilityFactor", 0.8, "platformShares", Map.of("kakaot", 0.8, "kakaotalk", 0.9)))), 400, "assessment.operatingMargins[taxi].<map value>"},
                new Object[]{"zero factor", with(p -> p.put("assessment", Map.of("operatingMargins", Map.of("taxi", 0.5),
                        "alternativeAvailabilityFactor", 0, "platformShares", Map.of("kakaot", 0.8, "kakaotalk", 0.9)))), 400, "assessment.alternativeAvailabilityFactor"},
                new Object[]{"negative support", with(p -> p.put("tiers", List.of(Map.of("upTo", 500_000, "support", -1)))), 400, "tiers[0].support"},
                new Object[]{"no services", with(p -> p.put("services", List.of())), 400, "services"},
                new Object[]{"missing incident", with(p -> p.remove("incidentId")), 400, "incidentId"}
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inconsistentPrograms")
    void inconsistentProgramsAreRefused(String why, Map<String, Object> program, int status, String field) {
        if (field.contains("<map value>")) {
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(program)
                    .when().post("/api/v1/programs").then().statusCode(status).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.startsWith("assessment.operatingMargins"));
            assertThat(Database.count("select count(*) from program")).isZero();
            return;
        }
        refused(program, status, null, field);
    }

    @Test
    void onlyOperatorsDefinePrograms() {
        given().contentType(ContentType.JSON).body(Programs.fire2022()).when().post("/api/v1/programs")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.reviewer()).contentType(ContentType.JSON).body(Programs.fire2022())
                .when().post("/api/v1/programs").then().statusCode(403).contentType("application/problem+json");
        assertThat(Database.count("select count(*) from program")).isZero();
    }

    private static void refused(Map<String, Object> program, int status, String type, String field) {
        var response = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(program)
                .when().post("/api/v1/programs").then().statusCode(status).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        if (type != null) {
            response.body("type", equalTo(PROBLEMS + type));
        }
        assertThat(Database.count("select count(*) from program")).isZero();
    }

    static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> program = new HashMap<>(Programs.fire2022());
        change.accept(program);
        return program;
    }
}
