package kr.outage.compensation.incident;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import kr.outage.compensation.incident.support.Database;
import kr.outage.compensation.incident.support.Incidents;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Public reads need no token; changes need the incident-commander role; 401 and 403 are told apart. */
@QuarkusTest
class SecurityTest {

    static final String BODY = """
            {"title":"t","severity":"minor","startedAt":"2022-10-15T15:19:00+09:00"}""";

    String incidentId;
    Map<String, Long> before;

    @BeforeEach
    void setUp() {
        Database.clean();
        incidentId = Incidents.post(Incidents.MOBILE_ONLY);
        before = Database.rowCounts();
    }

    @AfterEach
    void nothingStoredByRefusedCalls() {
        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    @Test
    void publicReadsNeedNoToken() {
        given().when().get("/api/v1/incidents").then().statusCode(200).body("total", equalTo(1));
        given().when().get("/api/v1/incidents/{id}", incidentId).then().statusCode(200);
        given().when().get("/api/v1/incidents/{id}/timeline", incidentId).then().statusCode(200);
        given().when().get("/api/v1/incidents/{id}/impact", incidentId).then().statusCode(200);
        given().queryParam("service", "genie").when().get("/api/v1/incidents/{id}/impact/check", incidentId).then().statusCode(200);
    }

    @Test
    void missingTokenIs401() {
        given().contentType(ContentType.JSON).body(BODY).when().post("/api/v1/incidents")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://compensation-suite.example/problems/unauthenticated"));
        given().when().get("/api/v1/incidents/{id}/audit", incidentId).then().statusCode(401);
    }

    @Test
    void wrongRoleIs403() {
        for (String role : new String[]{"compensation-operator", "claims-reviewer", "payout-approver", "auditor", "service"}) {
            given().auth().oauth2(Tokens.withRoles("someone", role)).contentType(ContentType.JSON).body(BODY)
                    .when().post("/api/v1/incidents")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://compensation-suite.example/problems/forbidden"));
        }
        given().auth().oauth2(Tokens.withRoles("someone", "compensation-operator"))
                .when().get("/api/v1/incidents/{id}/audit", incidentId).then().statusCode(403);
    }

    @Test
    void forgedExpiredOrGarbageTokensAre401() throws NoSuchAlgorithmException {
        var foreignKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String forged = Jwt.upn("mallory").groups(Set.of("incident-commander")).sign(foreignKey);
        String expired = Jwt.upn("alice").groups(Set.of("incident-commander"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        String wrongIssuer = Jwt.issuer("https://evil.example").upn("alice").groups(Set.of("incident-commander")).sign();
        for (String token : new String[]{forged, expired, wrongIssuer, "not.a.jwt"}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(BODY)
                    .when().post("/api/v1/incidents")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void commanderAndAuditorMayReadTheAudit() {
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/incidents/{id}/audit", incidentId)
                .then().statusCode(200).body("[0].action", equalTo("incident_declared"));
    }
}
