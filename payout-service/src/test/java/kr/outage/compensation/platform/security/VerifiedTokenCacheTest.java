package kr.outage.compensation.platform.security;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remembering verified tokens must not let through anything the full check refuses: a token is
 * only remembered once verified, and only as the exact string that was verified. The platform's
 * class, tested here because it needs a running service to verify tokens with.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokenCache cache;

    @Test
    void aVerifiedTokenIsParsedOnce() throws Exception {
        String token = Jwt.upn("cache-test@example.com").groups(Set.of(Roles.COMPENSATION_OPERATOR)).expiresIn(3600).sign();
        assertThat(cache.verify(token)).isSameAs(cache.verify(token));
        assertThat(cache.verify(token).getName()).isEqualTo("cache-test@example.com");
    }

    @Test
    void aRememberedTokenKeepsWorkingAndItsTamperedCopyDoesNot() {
        String token = Jwt.upn("cache-test@example.com").groups(Set.of(Roles.COMPENSATION_OPERATOR)).expiresIn(3600).sign();
        for (int i = 0; i < 3; i++) {
            // authenticated and authorised: the empty body is what gets refused
            post(token).then().statusCode(400);
        }
        String[] parts = token.split("\\.");
        String otherClaims = Jwt.upn("cache-test@example.com").groups(Set.of(Roles.COMPENSATION_OPERATOR, "payout-approver"))
                .expiresIn(3600).sign().split("\\.")[1];
        post(parts[0] + "." + otherClaims + "." + parts[2]).then().statusCode(401);
        post(token.substring(0, token.length() - 2) + "AA").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsRefusedEveryTime() {
        long longAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        String expired = Jwt.upn("cache-test@example.com").groups(Set.of(Roles.COMPENSATION_OPERATOR))
                .issuedAt(longAgo - 60).expiresAt(longAgo).sign();
        post(expired).then().statusCode(401);
        post(expired).then().statusCode(401);
    }

    private static io.restassured.response.Response post(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .when().post("/api/v1/programs");
    }
}
