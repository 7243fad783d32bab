package kr.outage.compensation.entitlement;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.ResultSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The service boots on its own database, migrates it, and answers the probes operators watch. */
@QuarkusTest
class ServiceBootTest {

    @Test
    void probesAreUp() {
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Database connections")));
    }

    @Test
    void ownDatabaseIsMigrated() throws Exception {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        assertThat(url).endsWith("/entitlement_test");
        try (var c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
        try (var c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select to_regclass('entitlement_audit') is not null")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void errorsAreProblemDocuments() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://compensation-suite.example/problems/not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void operationsEndpointsAnswer() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("entitlement-service"));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
