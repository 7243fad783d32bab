package kr.outage.compensation.platform.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A service boots on its own database, migrates it, answers the probes operators watch, and
 * answers errors as problems. Each service runs these by extending this class with {@code @QuarkusTest}.
 */
public abstract class ServiceBootChecks {

    /** quarkus.application.name, also the OpenAPI title. */
    protected abstract String serviceName();

    /** A table the service's first migration creates. */
    protected abstract String ownTable();

    /** The name of the database check in the readiness probe, e.g. "Reactive PostgreSQL". */
    protected abstract String databaseCheck();

    @Test
    void probesAreUp() {
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString(databaseCheck())));
    }

    @Test
    void ownDatabaseIsMigrated() {
        assertThat(SqlChecks.count("select count(*) from flyway_schema_history where success")).isPositive();
        assertThat(SqlChecks.text("select to_regclass('" + ownTable() + "') is not null")).isEqualTo("t");
        assertThat(SqlChecks.text("select current_database()")).startsWith(serviceName().replace("-service", "") + "_");
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
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo(serviceName()));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
