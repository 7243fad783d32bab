package kr.outage.compensation.platform.security;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tokens that fit this service only: its name in the audience, a bounded lifetime and age, no iat in
 * the future. Each refused token is otherwise valid (signed by the suite's key, right issuer, role
 * that may read claims), so the rule under test is the only reason for the 401. The platform's rules,
 * tested here on payout-service.
 */
@QuarkusTest
class TokenFitTest {

    private static final String PROBLEMS = "https://compensation-suite.example/problems/";

    private static io.restassured.response.ValidatableResponse readClaims(String token) {
        return given().header("Authorization", "Bearer " + token)
                .when().get("/api/v1/programs/{id}/claims", "6f1c1d3e-0000-4f15-9519-000000000000").then();
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder reviewer() {
        return Jwt.upn("reviewer-fit@example.com").groups(Set.of(Roles.CLAIMS_REVIEWER));
    }

    @Test
    void aTokenForThisServiceIsAccepted() {
        readClaims(reviewer().audience("payout-service").expiresIn(3600).sign()).statusCode(200);
    }

    @Test
    void aTokenForAnotherApplicationOrAnotherServiceIsRefused() {
        readClaims(reviewer().audience("claims-portal-analytics").expiresIn(3600).sign()).statusCode(401)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "unauthenticated"));
        readClaims(reviewer().audience("incident-service").expiresIn(3600).sign()).statusCode(401);
        readClaims(reviewer().audience(Set.of()).expiresIn(3600).sign()).statusCode(401);
    }

    @Test
    void aTokenThatLivesTooLongIsRefused() {
        long now = Instant.now().getEpochSecond();
        // valid now and signed correctly, but issued to live ten years
        readClaims(reviewer().audience("payout-service").issuedAt(now).expiresAt(now + 10L * 365 * 24 * 3600).sign()).statusCode(401);
        // 12 hours is the most
        readClaims(reviewer().audience("payout-service").issuedAt(now).expiresAt(now + 43_200).sign()).statusCode(200);
        readClaims(reviewer().audience("payout-service").issuedAt(now).expiresAt(now + 43_201 + 120).sign()).statusCode(401);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        long now = Instant.now().getEpochSecond();
        readClaims(reviewer().audience("payout-service").issuedAt(now + 600).expiresAt(now + 3600).sign()).statusCode(401);
        // within the clock skew allowed between the identity provider and the service
        readClaims(reviewer().audience("payout-service").issuedAt(now + 20).expiresAt(now + 3600).sign()).statusCode(200);
    }
}
