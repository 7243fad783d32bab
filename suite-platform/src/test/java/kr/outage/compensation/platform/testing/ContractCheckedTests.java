package kr.outage.compensation.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.restassured.RestAssured;
import io.restassured.config.ObjectMapperConfig;

/**
 * Puts {@link OpenApiContract} in front of every REST Assured call of every {@code @QuarkusTest} of
 * a service that has the platform's test-jar (registered in META-INF/services), so no test can
 * forget it; and makes REST Assured write dates as ISO-8601 text, as the contract documents them.
 */
public class ContractCheckedTests implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(OpenApiContract.INSTANCE)) {
            RestAssured.filters(OpenApiContract.INSTANCE, BrowserOrigin.INSTANCE);
            // bodies the tests give as objects go out as a client following the contract writes them
            RestAssured.config = RestAssured.config().objectMapperConfig(ObjectMapperConfig.objectMapperConfig()
                    .jackson2ObjectMapperFactory((type, charset) -> JsonMapper.builder().findAndAddModules()
                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()));
        }
    }
}
